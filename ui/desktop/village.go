package desktop

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"pingxin/app"
)

// VillageScreen is a village's settings: its rules with numbers (docs/RULES.md §4), its
// blacklist, its roster and its signing certificate, one tab each.
type VillageScreen struct {
	d       *Deps
	id      int64
	village *app.Village
	problem *widget.Label
	tabs    *container.AppTabs
	del     *widget.Button        // 删除本村: a village entered by mistake, before anything of it is signed
	ask     *dialog.ConfirmDialog // the open question (delete), for tests
	deleted bool                  // the village was deleted, for tests

	Rules     *RulesTab
	Blacklist *BlacklistTab
	Roster    *RosterTab
	Cert      *CertTab
}

var (
	_ Screen    = (*VillageScreen)(nil)
	_ Refresher = (*VillageScreen)(nil)
)

// NewVillageScreen loads village villageID with its roster and blacklist.
func NewVillageScreen(d *Deps, villageID int64) *VillageScreen {
	s := &VillageScreen{d: d, id: villageID, problem: newProblemLabel()}
	s.del = newDeleteButton(lang.L("desktop.village.delete"), s.onDelete)
	s.Rules = newRulesTab(d, villageID)
	s.Blacklist = newBlacklistTab(d, villageID)
	s.Roster = newRosterTab(d, villageID)
	s.Cert = newCertTab(d, villageID)
	s.Refresh()
	return s
}

// Title names the village.
func (s *VillageScreen) Title() string {
	name := ""
	if s.village != nil {
		name = s.village.Name
	}
	return lang.L("desktop.village.title", map[string]any{"Village": name})
}

// Content is the four tabs under any load error.
func (s *VillageScreen) Content() fyne.CanvasObject {
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("desktop.village.tab.rules"), theme.DocumentIcon(), s.Rules.Content()),
		container.NewTabItemWithIcon(lang.L("desktop.village.tab.blacklist"), theme.WarningIcon(), s.Blacklist.Content()),
		container.NewTabItemWithIcon(lang.L("desktop.village.tab.roster"), theme.AccountIcon(), s.Roster.Content()),
		container.NewTabItemWithIcon(lang.L("desktop.village.tab.cert"), theme.ConfirmIcon(), s.Cert.Content()),
	)
	return container.NewBorder(s.problem, container.NewHBox(layout.NewSpacer(), s.del), nil, nil, s.tabs)
}

// Refresh reloads the village, its rules, roster, blacklist and certificate from the store.
func (s *VillageScreen) Refresh() {
	v, err := s.d.Store.Village(context.Background(), s.id)
	setProblem(s.problem, errText(s.d, err))
	if err != nil {
		return
	}
	s.village = v
	s.Rules.Set(v.Settings)
	s.Roster.show(v.Members)
	s.Blacklist.county = v.CountyCode
	s.Blacklist.Refresh()
	s.Cert.village = v.Name
	s.Cert.Refresh()
}
