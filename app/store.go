package app

import (
	"context"
	"time"

	"pingxin/app/i18n"
)

// Unfinished is one reason a meeting cannot be signed; Seq and Name are set when the
// reason is a household's.
type Unfinished struct {
	Seq      int
	Name     string
	Messages []i18n.Message
}

func msgs(key string, kv ...any) []i18n.Message { return []i18n.Message{i18n.M(key, kv...)} }

// SignRecord is what the store keeps of a signed meeting's minutes.
type SignRecord struct {
	SignedAt    time.Time
	Signer      string // the certificate subject that signed
	SHA256      string // of the signed PDF
	CertSHA256  string // fingerprint of the signing certificate
	MinutesPath string // where the signed PDF was saved, if known
	PDF         []byte // the signed minutes themselves, so the bank package never depends on a file someone moved
	// Rules are the village's rules the minutes were rendered under, kept with the
	// signature (Meeting.Rules); nil keeps the village's rules as they stand.
	Rules *Settings
}

// ImportSource is the file a nomination list was imported from, as the audit log
// names it.
type ImportSource struct {
	File   string // as the clerk chose it
	SHA256 string // of the file's bytes, hex
}

// NomineeFeed gives the store the households of a file while the file is still being
// read and checked, so that storing one part overlaps checking the next. Next returns
// the next households in file order, none after the last; an error ends the import and
// nothing of it is stored. Source names the file; it is asked once Next has returned
// none. The store calls Next from a goroutine of its own, not its connection's, so a
// feed may read and check a part in Next.
type NomineeFeed interface {
	Next() ([]Nominee, error)
	Source() ImportSource
}

// NomineesFrom is the feed of households already read and checked whole (the desktop's
// preview): all of them at once.
func NomineesFrom(ns []Nominee, src ImportSource) NomineeFeed { return &sliceFeed{ns: ns, src: src} }

type sliceFeed struct {
	ns  []Nominee
	src ImportSource
}

func (f *sliceFeed) Next() ([]Nominee, error) {
	ns := f.ns
	f.ns = nil
	return ns, nil
}

func (f *sliceFeed) Source() ImportSource { return f.src }

// AuditEntry is one recorded change: when, which record, which field, old and new.
type AuditEntry struct {
	At        time.Time
	MeetingID int64 // 0 for village-level records
	Table     string
	RecordID  int64
	Field     string
	Old, New  string
}

// BankPackage is a bank package as exported: its manifest exactly as signed and the
// manifest's SHA-256, by which an amendment's package names the package it amends.
type BankPackage struct {
	MeetingID  int64
	ExportedAt time.Time
	SHA256     string
	Manifest   []byte
}

// VillageKey is a village's sealed signing key as the store keeps it: the DER
// certificate and the passphrase-encrypted private key (never plain).
type VillageKey struct {
	Cert      []byte
	Encrypted []byte
}

// Reader is the read-only view of the store: what the faces (ui/desktop, ui/cli) hold.
// They change nothing through it; every change goes through app/service, so the rules
// of a change are written once (docs/RULES.md) and both faces keep them alike.
type Reader interface {
	Villages(ctx context.Context) ([]VillageSummary, error)
	Village(ctx context.Context, id int64) (*Village, error) // with members; ENOTFOUND
	VillageByName(ctx context.Context, name string) (*Village, error)
	Blacklist(ctx context.Context, villageID int64) ([]BlacklistEntry, error)
	Meetings(ctx context.Context) ([]MeetingSummary, error)
	// VillageDeletion is how many meetings deleting the village would take, or the
	// refusal DeleteVillage would give: asked before a face asks "delete?".
	VillageDeletion(ctx context.Context, villageID int64) (int, error)
	Meeting(ctx context.Context, id int64) (*Meeting, error)                  // with attendance and nominees in Seq order
	VillageKey(ctx context.Context, villageID int64) (*VillageKey, error)     // nil, nil when none yet
	KnownCerts(ctx context.Context) ([][]byte, error)                         // DER: villages' own and imported
	SignRecord(ctx context.Context, meetingID int64) (*SignRecord, error)     // with the newest signed PDF
	Review(ctx context.Context, meetingID int64) (*Review, error)             // nil, nil when none yet
	Publicity(ctx context.Context, meetingID int64) (*Publicity, error)       // nil, nil when none issued
	LatestPackage(ctx context.Context, meetingID int64) (*BankPackage, error) // the last bank package exported; nil, nil when none
	Audit(ctx context.Context, meetingID int64) ([]AuditEntry, error)
	// RollCall is a meeting with its roll call but without its households: all a
	// roll-call mark reads unless it may recount recorded votes (Meeting.MayRecount).
	RollCall(ctx context.Context, id int64) (*Meeting, error)
	CreditReader // the credit register (credit.go)
}

// Store is what the domain needs from persistence: the Reader and the writes, which
// only app/service calls. Each method is one transaction: it commits whole or not at
// all. Every method that changes a meeting or anything in it refuses with ELOCKED once
// the meeting is signed, and records each changed field in the audit log.
type Store interface {
	Reader

	CreateVillage(ctx context.Context, v *Village) error // sets v.ID and the members' IDs
	UpdateSettings(ctx context.Context, villageID int64, s Settings) error
	AddMember(ctx context.Context, m *Member) error
	RemoveMember(ctx context.Context, memberID int64) error

	AddBlacklist(ctx context.Context, villageID int64, entries []BlacklistEntry) error // all or none
	RemoveBlacklist(ctx context.Context, entryID int64, reason string) error

	CreateMeeting(ctx context.Context, m *Meeting) error // with attendance; sets IDs
	// DeleteMeeting and DeleteVillage take away what was entered by mistake, with all it
	// holds, before anything of it is signed (ELOCKED after); the audit log keeps it.
	DeleteMeeting(ctx context.Context, meetingID int64) error
	DeleteVillage(ctx context.Context, villageID int64) error
	UpdateMeeting(ctx context.Context, m *Meeting) error // the facts: type, number, date, time, place, chair, clerk
	// SetPresence marks one member and, in the same transaction, gives each recorded vote
	// of recounts its new present set (Meeting.Remark).
	SetPresence(ctx context.Context, meetingID, memberID int64, p Presence, at string, recounts []Recount) error
	SetStatus(ctx context.Context, meetingID int64, s Status) error // forward only; StatusSigned only via Sign

	AddNominees(ctx context.Context, meetingID int64, ns []Nominee) error // one transaction; sets IDs and Seq
	// ImportNominees is AddNominees for the households of a file, taken from feed part
	// by part in one transaction: nothing is stored when feed ends with an error. The
	// audit log gets one entry naming the file, its SHA-256 and the number of households,
	// not one each.
	ImportNominees(ctx context.Context, meetingID int64, feed NomineeFeed) error
	SaveNominee(ctx context.Context, n *Nominee) error // every field, verification included
	DeleteNominee(ctx context.Context, nomineeID int64) error

	SaveVillageKey(ctx context.Context, villageID int64, k VillageKey) error
	// CreateVillageKey stores k only if the village has no key yet and returns the key
	// it has afterwards (k or an earlier one): two first signings end with one key.
	CreateVillageKey(ctx context.Context, villageID int64, k VillageKey, label string) (*VillageKey, error)
	// AddKnownCert makes der the known certificate of its village (CertVillage);
	// ECONFLICT when the village has another one, unless replace (audited).
	AddKnownCert(ctx context.Context, der []byte, label string, replace bool) error
	Sign(ctx context.Context, meetingID int64, r SignRecord) error                     // locks the meeting
	AddSignedPDF(ctx context.Context, meetingID int64, r SignRecord) error             // one more signature (the clerk's) on signed minutes
	RecordPackage(ctx context.Context, p BankPackage) error                            // append-only
	CreateAmendment(ctx context.Context, signedID int64, why string) (*Meeting, error) // own 文号, today, a fresh roll call

	// The steps after signing (docs/RULES.md §11), each a record beside the signed meeting.
	SaveReview(ctx context.Context, r Review) error        // once per signed meeting; ECONFLICT after
	SavePublicity(ctx context.Context, p Publicity) error  // issue, or restart while no outcome
	ClosePublicity(ctx context.Context, p Publicity) error // the outcome p carries, once

	CreditStore // the credit register (credit.go)

	Backup(ctx context.Context, path string) error // a consistent copy (VACUUM INTO)
	Close() error
}
