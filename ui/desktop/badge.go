package desktop

import (
	"fyne.io/fyne/v2/lang"

	"pingxin/app"
	"pingxin/ui/desktop/widgets"
)

// statusBadge shows where a meeting stands as the one badge widget's coloured tag (草稿,
// 进行中, 已闭会, 已签署), so a clerk sees at a glance which meetings are still open and
// which are locked.
func statusBadge(s app.Status) *widgets.Badge { return widgets.NewBadge(statusText(s), statusTone(s)) }

// statusTone is the badge's tone: muted for a draft, the primary colour while in
// session, warning once closed, success when signed.
func statusTone(s app.Status) widgets.Tone {
	switch s {
	case app.StatusInSession:
		return widgets.ToneInfo
	case app.StatusClosed:
		return widgets.ToneWarning
	case app.StatusSigned:
		return widgets.ToneSuccess
	}
	return widgets.ToneMuted
}

// statusText names s in the current language.
func statusText(s app.Status) string { return lang.L("status." + string(s)) }
