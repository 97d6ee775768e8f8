package cli

import "flag"

// flagSet lets a shared parser (meetingOut) accept a command's extra flags.
type flagSet struct{ *flag.FlagSet }
