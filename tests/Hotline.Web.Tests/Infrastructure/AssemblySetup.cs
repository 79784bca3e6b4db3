// Integration tests share Hangfire's static JobStorage.Current and one PostgreSQL server on a 2-core
// machine; running classes one at a time keeps them independent and the suite predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
