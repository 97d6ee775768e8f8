package cli

import (
	"context"
	"strconv"

	"pingxin/app"
	"pingxin/app/i18n"
	"pingxin/app/service"
)

func init() {
	register("village new", "cli.usage.village_new", villageNew)
	register("village list", "cli.usage.village_list", villageList)
}

// villageNew creates a village from a roster file: all of it, or nothing when any
// row is bad.
func villageNew(e *Env, args []string) error {
	fs := e.flags("village new")
	name := fs.String("name", "", "")
	town := fs.String("town", "", "")
	county := fs.String("county-code", "330483", "")
	roster := fs.String("roster", "", "")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *name == "" || *town == "" || *roster == "" {
		return usagef("cli.missing_flags", "Flags", "--name --town --roster")
	}
	members, err := service.ReadRoster(*roster)
	if err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	defer st.Close()
	v := &app.Village{Name: *name, Town: *town, CountyCode: *county, Settings: app.DefaultSettings(), Members: members}
	if err := v.Validate(); err != nil {
		return err
	}
	if err := st.CreateVillage(context.Background(), v); err != nil {
		return err
	}
	e.println(v.Name)
	return nil
}

func villageList(e *Env, args []string) error {
	if _, err := parse(e.flags("village list"), args); err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	defer st.Close()
	vs, err := st.Villages(context.Background())
	if err != nil {
		return err
	}
	rows := [][]string{{t(e, "cli.col.village"), t(e, "cli.col.town"), t(e, "cli.col.members"), t(e, "cli.col.meetings")}}
	for _, v := range vs {
		rows = append(rows, []string{v.Name, v.Town, strconv.Itoa(v.Members), strconv.Itoa(v.Meetings)})
	}
	table(e.Stdout, rows)
	return nil
}

func t(e *Env, key string) string { return i18n.T(e.Lang, key, nil) }
