package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"pingxin/app/i18n"
	"pingxin/app/service"
)

func init() {
	register("minutes", "cli.usage.minutes", minutesCmd)
	register("notice", "cli.usage.notice", noticeCmd)
	register("export", "cli.usage.export", exportCmd)
}

// meetingOut reads the --meeting ID --out FILE pair most document commands take.
func meetingOut(e *Env, name string, args []string, extra func(fs *flagSet)) (int64, string, error) {
	fs := e.flags(name)
	id := fs.String("meeting", "", "")
	out := fs.String("out", "", "")
	if extra != nil {
		extra(&flagSet{fs})
	}
	if _, err := parse(fs, args); err != nil {
		return 0, "", err
	}
	if *id == "" || *out == "" {
		return 0, "", usagef("cli.missing_flags", "Flags", "--meeting --out")
	}
	n, err := meetingID(*id)
	return n, *out, err
}

func minutesCmd(e *Env, args []string) error {
	var doSign *bool
	id, out, err := meetingOut(e, "minutes", args, func(fs *flagSet) { doSign = fs.Bool("sign", false, "") })
	if err != nil {
		return err
	}
	if !*doSign {
		return e.withStore(func(ctx context.Context, st *service.Service) error {
			sum, err := service.WriteMinutes(ctx, st, id, out, e.Now())
			if err == nil {
				e.println(out, sum)
			}
			return err
		})
	}
	pass, err := e.passphrase()
	if err != nil {
		return err
	}
	return e.withStore(func(ctx context.Context, st *service.Service) error {
		rec, err := st.SignMinutes(ctx, id, out, pass, e.Now())
		if err == nil {
			e.println(out, rec.SHA256)
		}
		return err
	})
}

// noticeCmd prints the 公示 of signed minutes; its period starts --from (default: the
// period already recorded, or today).
func noticeCmd(e *Env, args []string) error {
	var fromText *string
	id, out, err := meetingOut(e, "notice", args, func(fs *flagSet) { fromText = fs.String("from", "", "") })
	if err != nil {
		return err
	}
	from, err := optionalDate(*fromText)
	if err != nil {
		return err
	}
	return e.withStore(func(ctx context.Context, st *service.Service) error {
		if _, err := st.WriteNotice(ctx, id, out, from, e.Now()); err != nil {
			return err
		}
		e.println(out)
		return nil
	})
}

func exportCmd(e *Env, args []string) error {
	id, out, err := meetingOut(e, "export", args, nil)
	if err != nil {
		return err
	}
	pass, err := e.passphrase() // the manifest and the 报送单 are signed with the village key
	if err != nil {
		return err
	}
	return e.withStore(func(ctx context.Context, st *service.Service) error {
		if err := st.ExportBank(ctx, id, out, pass, e.Now()); err != nil {
			return err
		}
		e.println(out)
		return nil
	})
}

// passphrase reads the village key's passphrase: from PINGXIN_PASSPHRASE for
// unattended use, else from the terminal without echo, else one line of stdin.
func (e *Env) passphrase() (string, error) {
	return e.secret("PINGXIN_PASSPHRASE", "cli.passphrase_prompt")
}

// secret reads a password from the environment variable env, else from the terminal
// without echo after the prompt, else one line of stdin.
func (e *Env) secret(env, prompt string) (string, error) {
	if p := e.Getenv(env); p != "" {
		return p, nil
	}
	fmt.Fprint(e.Stderr, i18n.T(e.Lang, prompt, nil))
	if f, ok := e.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.Stderr)
		return string(b), err
	}
	line, err := bufio.NewReader(e.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", usagef("cli.no_passphrase", "Env", env)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
