package cli

import (
	"context"

	"pingxin/app/service"
)

func init() {
	register("demo", "cli.usage.demo", demoCmd)
}

// demoCmd creates the demo village if absent and a new demo meeting, and prints the
// meeting's ID.
func demoCmd(e *Env, args []string) error {
	if _, err := parse(e.flags("demo"), args); err != nil {
		return err
	}
	return e.withStore(func(ctx context.Context, st *service.Service) error {
		id, err := st.Demo(ctx, e.Now())
		if err != nil {
			return err
		}
		e.println(id)
		return nil
	})
}
