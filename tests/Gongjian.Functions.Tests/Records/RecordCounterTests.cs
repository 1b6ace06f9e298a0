using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Records;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gongjian.Functions.Tests.Records;

/// <summary>
/// The module indicators' projection (<see cref="RecordCounter"/> rows beside the records) on Azurite: records written by two hosts at once,
/// some of them twice, give the same indicators as computing them from the records themselves — per unit, in all, per
/// period, at month edges in Beijing time —; the rebuild gives the same again and repairs a damaged counter; a record
/// relayed again after the rebuild is not counted twice.
/// </summary>
public sealed class RecordCounterTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private const string Street = "tally-street";
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Another host: its own record book (no counter remembered), on the same table.</summary>
    private RecordBook OtherHost() => new(_app.Storage, NullLogger<RecordBook>.Instance);

    /// <summary>A year of records of every kind: units (or none), communities (or none), activities hosted and attended, hours; some at a month's edge.</summary>
    private static List<EvaluationRecord> Year(int count)
    {
        var random = new Random(11);
        string? Pick(params string?[] from) => from[random.Next(from.Length)];
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var kind = RecordKinds.All[random.Next(RecordKinds.All.Count)];
            var at = i % 10 == 0
                ? new DateTimeOffset(2026, 1 + random.Next(11), 1, 0, 0, 0, Beijing).AddMinutes(random.Next(2) == 0 ? -5 : 5) // either side of midnight
                : new DateTimeOffset(2026, 1 + random.Next(12), 1 + random.Next(28), random.Next(24), 0, 0, Beijing);
            return new EvaluationRecord
            {
                Id = $"rec{i}", Kind = kind, SourceId = kind is RecordKinds.ActivityAttended or RecordKinds.ActivityHosted ? $"ac{random.Next(6)}" : $"src{i}",
                StreetId = Street, CommunityId = Pick("dongqili", "qingshan", null), UnitId = kind == RecordKinds.ActivityAttended ? null : Pick("u1", "u2", "u3", null),
                ClaimerKind = "unit", Title = "共建", Hours = random.Next(3) == 0 ? null : random.Next(1, 17) / 4.0, At = at,
            };
        }).Where(r => r.At.ToOffset(Beijing).Year == 2026)];
    }

    /// <summary>
    /// Every unit's values and count, and those of all, for each quarter, the year and a month: from all the period's facts,
    /// or (<paramref name="byUnit"/>, as the API computes them) from each unit's share of them.
    /// </summary>
    private static List<string> Figures(Func<EvaluationPeriod, IReadOnlyList<RecordFact>> inPeriod, bool byUnit)
    {
        var lines = new List<string>();
        foreach (var period in new[] { "2026", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026-03" }.Select(p => EvaluationPeriod.TryParse(p)!))
        {
            var some = inPeriod(period);
            var shares = ModuleIndicatorSet.ByUnit(some);
            foreach (var unit in new[] { "u1", "u2", "u3", null })
            {
                var share = unit is null || !byUnit ? some : shares.GetValueOrDefault(unit) ?? [];
                lines.Add($"{period.Code} {unit ?? "all"} {ModuleIndicatorSet.Count(share, unit)}: " +
                    string.Join(", ", ModuleIndicatorSet.Values(share, unit).Select(v => $"{v.Code}={v.Value}")));
            }
        }
        return lines;
    }

    private static List<string> Expected(IReadOnlyList<EvaluationRecord> records)
    {
        var facts = records.DistinctBy(r => r.Id).Select(ModuleIndicatorSet.Fact).ToList();
        return Figures(p => [.. facts.Where(f => p.Contains(f.At))], byUnit: false);
    }

    /// <summary>The figures from the counters, as read by <paramref name="book"/> (by default a host that has read nothing before).</summary>
    private async Task<List<string>> ProjectedAsync(RecordBook? book = null)
    {
        book ??= OtherHost();
        var byPeriod = new Dictionary<string, IReadOnlyList<RecordFact>>();
        foreach (var p in new[] { "2026", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026-03" }.Select(p => EvaluationPeriod.TryParse(p)!))
            byPeriod[p.Code] = await book.FactsAsync(Street, p, CancellationToken.None);
        return Figures(p => byPeriod[p.Code], byUnit: true);
    }

    [Fact]
    public async Task Records_counted_by_two_hosts_some_twice_give_the_indicators_of_the_records_and_the_rebuild_gives_them_again()
    {
        var records = Year(400);
        var (here, there) = (_app.Services.GetRequiredService<RecordBook>(), OtherHost());
        // Both hosts at once, four writers each; the first 60 records relayed again by the other host.
        var work = records.Select((r, i) => (Book: i % 2 == 0 ? here : there, Record: r))
            .Concat(records.Take(60).Select((r, i) => (Book: i % 2 == 0 ? there : here, Record: r))).ToList();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (w, ct) => await w.Book.WriteAsync(w.Record, ct));

        var read = await here.ReadAsync(Street, 2026, null, CancellationToken.None);
        Assert.Equal(records.Select(r => r.Id).Order(StringComparer.Ordinal), read.Select(r => r.Id).Order(StringComparer.Ordinal)); // the records, never a counter

        var expected = Expected(records);
        Assert.Contains(expected, l => l.StartsWith($"2026 all {records.Count}:", StringComparison.Ordinal)); // the check itself sees every record
        Assert.Equal(expected, await ProjectedAsync());

        // A counter damaged by hand: the rebuild repairs it and gives the same figures.
        var table = _app.Storage.Table(TableNames.Records);
        var partition = RecordBook.Partition(Street, 2026);
        var counter = await table.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{partition}' and RowKey ge '~03' and RowKey lt '~04'").FirstAsync();
        counter["Records"] = 999;
        await table.UpdateEntityAsync(counter, Azure.ETag.All);
        Assert.NotEqual(expected, await ProjectedAsync());
        Assert.Equal((records.Count, await CountersAsync()), await here.RecountAsync(Street, 2026, CancellationToken.None));
        Assert.Equal(expected, await ProjectedAsync());

        // Relayed again after the rebuild, by a host that remembers nothing: counted once already.
        foreach (var r in records.Skip(100).Take(20)) await OtherHost().WriteAsync(r, CancellationToken.None);
        Assert.Equal(expected, await ProjectedAsync());

        async Task<int> CountersAsync()
        {
            var n = 0;
            await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{partition}' and RowKey ge '~' and RowKey lt '~~'", select: ["RowKey"])) n++;
            return n;
        }
    }

    [Fact]
    public async Task One_counter_written_by_many_at_once_loses_nothing()
    {
        var records = Enumerable.Range(0, 40).Select(i => new EvaluationRecord
        {
            Id = $"same{i}", Kind = RecordKinds.ServiceHours, SourceId = $"pe{i}", StreetId = Street, CommunityId = "qingshan", UnitId = "u1",
            ClaimerKind = "unit", Title = "义诊", Hours = 1.25, At = new DateTimeOffset(2026, 5, 2, 9, 0, 0, Beijing),
        }).ToList();
        var books = new[] { _app.Services.GetRequiredService<RecordBook>(), OtherHost(), OtherHost() };
        await Parallel.ForEachAsync(records.Select((r, i) => (r, i)), new ParallelOptions { MaxDegreeOfParallelism = 6 },
            async (x, ct) => await books[x.i % 3].WriteAsync(x.r, ct));
        var facts = await _app.Services.GetRequiredService<RecordBook>().FactsAsync(Street, EvaluationPeriod.TryParse("2026-05")!, CancellationToken.None);
        var fact = Assert.Single(facts);
        Assert.Equal((40, 50.0), (fact.Records, fact.Hours));
    }

    [Fact]
    public async Task A_host_that_read_the_counters_before_sees_what_another_host_counted_since()
    {
        var (reader, writer) = (_app.Services.GetRequiredService<RecordBook>(), OtherHost());
        var records = Year(60);
        foreach (var r in records.Take(40)) await writer.WriteAsync(r, CancellationToken.None);
        Assert.Equal(Expected(records.Take(40).ToList()), await ProjectedAsync(reader));
        Assert.Equal(Expected(records.Take(40).ToList()), await ProjectedAsync(reader)); // again, from what it kept

        foreach (var r in records.Skip(40)) await writer.WriteAsync(r, CancellationToken.None);
        Assert.Equal(Expected(records), await ProjectedAsync(reader));
        Assert.Equal((records.Count, (await reader.FactsAsync(Street, EvaluationPeriod.TryParse("2026")!, CancellationToken.None)).Count),
            await writer.RecountAsync(Street, 2026, CancellationToken.None)); // the rebuild finds what the reader read
    }
}
