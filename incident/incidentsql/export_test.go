package incidentsql

// CountryHash exposes the lock key of a country to the tests.
var CountryHash = countryHash
