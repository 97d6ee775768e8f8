package cli

import (
	"context"
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
	st, err := e.store()
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := st.Demo(context.Background(), e.Now())
	if err != nil {
		return err
	}
	e.println(id)
	return nil
}
