// Package killtest proves that Pingxin never loses a meeting: its tests start the real
// program (and a writer built from the test binary itself) on a database, kill it with
// SIGKILL in the middle of a large import and of a stream of entries, as a power cut
// would, then check that the file passes PRAGMA integrity_check, holds every entry that
// was acknowledged before the kill, and holds either the whole import or none of it.
// It has no code outside its tests.
package killtest
