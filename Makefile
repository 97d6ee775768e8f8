# Pingxin — the README's commands. `make run` opens the app on the demo database
# (pingxin --demo: beside the default one, filled with the demo meeting on first open); `make test` runs every test; `make release`
# builds the Windows installer and zip and the Linux archive into dist/ (signed with
# SIGN_PFX=… SIGN_PASS=…); `make wine-check` runs the Windows build under Wine; `make bench`
# prints the table BENCHMARKS.md records.
GO      ?= go
# Every build and test runs with Fyne's migrated_fynedo tag (as `fyne package` already
# does, from FyneApp.toml's [Migrations] fyneDo): every change to the window from a
# goroutine goes through fyne.Do (ui/desktop/background.go), so Fyne may drop its own
# thread checks and locks. Exported, so the scripts' go commands get it too.
export GOFLAGS := $(strip $(GOFLAGS) -tags=migrated_fynedo)
BIN     := pingxin
VERSION := $(shell scripts/version.sh 2>/dev/null || echo 0.1.0)

.PHONY: run build test vet smoke shots bench fuzz deps clean-db package-windows package-linux release wine-check

build: deps
	$(GO) build -o $(BIN) .

deps:
	@scripts/deps.sh run

run: build
	./$(BIN) --demo

vet:
	$(GO) vet ./...

test:
	@scripts/deps.sh test
	$(GO) vet ./...
	$(GO) test -race -timeout 25m ./...   # ui/desktop alone took 752 s under -race on the 2-core VM
	cd third_party/gofpdf && $(GO) test -race ./...   # the gofpdf fork's own tests (FORK.md)
	$(GO) build -o $(BIN) .
	scripts/smoke.sh ./$(BIN)

smoke: build
	@scripts/deps.sh test
	scripts/smoke.sh ./$(BIN) $(SHOT)

# docs/screens/: every screen at 1024x768 and 1366x768 in both languages, rendered by the
# Fyne test driver; the deliberation pictures are taken from the real window under Xvfb
# (scripts/delibshots.sh: xdotool, import -window root), where the test driver draws the
# scrolled form through the outcome strip.
shots:
	PINGXIN_DOCS_SHOTS=$(CURDIR)/docs/screens $(GO) test -count=1 -run TestDocsScreenshots ./ui/desktop/
	scripts/delibshots.sh docs/screens

bench: deps
	scripts/bench.sh

# Every fuzz target for FUZZTIME each (default 30s; FUZZ=regexp picks targets); not
# part of `make test`. Prints executions and findings per target.
fuzz:
	scripts/fuzz.sh

# dist/pingxin-$(VERSION)-setup.exe (NSIS, per-user) and dist/pingxin-$(VERSION)-windows-amd64.zip:
# pingxin.exe cross-compiled with MinGW-w64 (PE32+, GUI, icon and version from
# FyneApp.toml), README, licences. With SIGN_PFX=office.pfx SIGN_PASS=… (and
# SIGN_TIMESTAMP=URL) every .exe is signed with that code-signing certificate.
package-windows:
	@scripts/deps.sh win
	scripts/package.sh windows

# Installs dist/pingxin-$(VERSION)-setup.exe silently under Wine on a throwaway prefix
# and runs the installed program's commands, window and lock, upgrade and uninstall.
# Uses the package already in dist/ (`make package-windows` builds it).
wine-check:
	@scripts/deps.sh wine
	@[ -f dist/pingxin-$(VERSION)-setup.exe ] || $(MAKE) package-windows
	scripts/wine-check.sh

# dist/pingxin-$(VERSION)-linux-amd64.tar.xz: the program, desktop entry, icon, Makefile.
package-linux: deps
	@scripts/deps.sh linux
	scripts/package.sh linux

release: package-windows package-linux
	@ls -l dist/pingxin-$(VERSION)-setup.exe dist/pingxin-$(VERSION)-windows-amd64.zip dist/pingxin-$(VERSION)-linux-amd64.tar.xz
