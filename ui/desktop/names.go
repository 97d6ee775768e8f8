package desktop

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"pingxin/app"
)

// The domain stores bodies, roles and blacklist categories as the Chinese words the
// minutes print; these codes name them in translation keys, so the screens can show
// them in English too.
var (
	bodyCodes = map[app.Body]string{
		app.BodyPeople: "people", app.BodySage: "sage", app.BodyMoral: "moral",
		app.BodyService: "service", app.BodyLegal: "legal", app.BodyObserver: "observer",
	}
	roleCodes = map[app.Role]string{
		app.RoleChair: "chair", app.RoleClerk: "clerk", app.RoleMember: "member",
		app.RoleHead: "head", app.RolePresid: "president", app.RoleCadre: "cadre",
		app.RoleBanker: "banker", app.RoleOfficer: "observer",
	}
)

// roles lists the roles in the order a form offers them.
var roles = []app.Role{app.RoleMember, app.RoleChair, app.RoleClerk, app.RoleHead,
	app.RolePresid, app.RoleCadre, app.RoleBanker, app.RoleOfficer}

// bodyText names b in the current language.
func bodyText(b app.Body) string { return lang.L("desktop.body." + bodyCodes[b]) }

// roleText names r in the current language.
func roleText(r app.Role) string { return lang.L("desktop.role." + roleCodes[r]) }

// categoryText names c in the current language.
func categoryText(c app.Category) string { return lang.L("blacklist.category." + c.Code()) }

// bodiesText names every body of a member, joined with 、 (or ", " in English).
func bodiesText(bs []app.Body) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = bodyText(b)
	}
	return strings.Join(parts, lang.L("desktop.list.sep"))
}

// texts maps each value to its name, for Select and CheckGroup options.
func texts[T any](xs []T, name func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = name(x)
	}
	return out
}
