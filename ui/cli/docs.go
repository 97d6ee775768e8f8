package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"pingxin/app/i18n"
	"pingxin/app/service"
)

func init() {
	register("minutes", "cli.usage.minutes", minutesCmd)
	register("notice", "cli.usage.notice", noticeCmd)
	register("export", "cli.usage.export", exportCmd)
}

func minutesCmd(e *Env, args []string) error {
	c := e.meetingCommand("minutes", "out")
	out, doSign := c.String("out", "", ""), c.Bool("sign", false, "")
	var pass string
	return c.run(args, func() (err error) {
		if *doSign {
			pass, err = e.passphrase()
		}
		return err
	}, func(ctx context.Context, st *service.Service, id int64) error {
		if !*doSign {
			sum, err := service.WriteMinutes(ctx, st, id, *out, e.Now())
			if err == nil {
				e.println(*out, sum)
			}
			return err
		}
		rec, err := st.SignMinutes(ctx, id, *out, pass, e.Now())
		if err == nil {
			e.println(*out, rec.SHA256)
		}
		return err
	})
}

// noticeCmd prints the 公示 of signed minutes; its period starts --from (default: the
// period already recorded, or today).
func noticeCmd(e *Env, args []string) error {
	c := e.meetingCommand("notice", "out")
	out, fromText := c.String("out", "", ""), c.String("from", "", "")
	var from time.Time
	return c.run(args, func() (err error) {
		from, err = optionalDate(*fromText)
		return err
	}, func(ctx context.Context, st *service.Service, id int64) error {
		if _, err := st.WriteNotice(ctx, id, *out, from, e.Now()); err != nil {
			return err
		}
		e.println(*out)
		return nil
	})
}

func exportCmd(e *Env, args []string) error {
	c := e.meetingCommand("export", "out")
	out := c.String("out", "", "")
	var pass string
	return c.run(args, func() (err error) {
		pass, err = e.passphrase() // the manifest and the 报送单 are signed with the village key
		return err
	}, func(ctx context.Context, st *service.Service, id int64) error {
		if err := st.ExportBank(ctx, id, *out, pass, e.Now()); err != nil {
			return err
		}
		e.println(*out)
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
