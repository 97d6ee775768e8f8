package importer

import (
	"errors"
	"slices"

	"pingxin/app"
)

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// sameHousehold compares what an import stores of a household.
func sameHousehold(a, b app.Nominee) bool {
	return a.Name == b.Name && a.IDNumber == b.IDNumber && a.Group == b.Group && a.Phone == b.Phone &&
		a.HouseholdSize == b.HouseholdSize && a.Purpose == b.Purpose && a.Requested == b.Requested &&
		a.Proposed == b.Proposed && a.Votes == b.Votes && a.Blocked == b.Blocked &&
		(a.Verification == nil) == (b.Verification == nil) &&
		(a.Verification == nil || a.Verification.Notes == b.Verification.Notes &&
			slices.Equal(a.Verification.Visitors, b.Verification.Visitors) && a.Verification.Conclusion == b.Verification.Conclusion)
}
