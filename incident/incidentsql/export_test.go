package incidentsql

// CountryHash exposes the lock key of a country to the tests.
var CountryHash = countryHash

// LinkedInCommit counts the ingests s linked in their own commit.
func (s *LinkingStore) LinkedInCommit() int64 { return s.linkedInCommit.Load() }
