using Gongjian.Domain.Evaluation;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Indicators;
using Gongjian.Functions.Records;
using Gongjian.Functions.Tests.Support;
using Gongjian.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjian.Functions.Tests.Indicators;

/// <summary>
/// The bulk loads the indicators benchmark uses, on Azurite: episodes written in transactions give the same unit-month
/// tallies as computing them from the episodes, a second load replaces rather than adds, and records read back whole.
/// </summary>
public sealed class BulkLoadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Beijing));
    private TestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await TestApp.StartAsync(azurite, s => s.AddSingleton<TimeProvider>(_clock));

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static List<DispatchEpisode> Episodes(int count)
    {
        var random = new Random(5);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var dispatched = new DateTimeOffset(2026, 1 + i % 3, 1 + i % 27, 8, 0, 0, Beijing);
            var e = new DispatchEpisode
            {
                OrderId = $"GT{i:D5}", StreetId = "caiyuan", CommunityId = "dongqili", UnitId = i % 2 == 0 ? "baosheng-property" : "caiyuan-health-centre",
                UnitName = "单位", Category = "repair", DispatchedAt = dispatched, Version = 3,
            };
            return i % 5 == 0 ? e with { DeclinedAt = dispatched.AddHours(2) }
                : e with { AcceptedAt = dispatched.AddHours(random.Next(1, 40)), FirstCompletedAt = dispatched.AddHours(60), ConfirmedAt = dispatched.AddHours(80), Rating = random.Next(1, 6), Version = 6 };
        })];
    }

    [Fact]
    public async Task Episodes_loaded_in_transactions_tally_as_computed_from_them_and_a_second_load_replaces_them()
    {
        var store = _app.Services.GetRequiredService<OrderTallyStore>();
        var episodes = Episodes(700); // 2 units × 3 months: ≈ 117 a unit-month, two transactions each
        Assert.Equal((700, 6), await store.LoadAsync(episodes, CancellationToken.None));
        // Loaded again with other ratings: replaced, not added.
        var changed = episodes.Take(120).Select(e => e with { Rating = e.AcceptedAt is null ? null : 1, Version = 9 }).ToList();
        Assert.Equal((120, 6), await store.LoadAsync(changed, CancellationToken.None));
        var all = changed.Concat(episodes.Skip(120)).ToList();

        var rows = await store.ReadYearAsync("caiyuan", 2026, CancellationToken.None);
        Assert.Equal(6, rows.Count);
        var now = _clock.GetUtcNow();
        foreach (var (unit, _, month, tally) in rows)
        {
            var expected = OrderTally.Of(all.Where(e => e.UnitId == unit && e.DispatchedAt.ToOffset(Beijing).Month == month), now, SlaPolicy.Default);
            Assert.Equal(expected.Read(now), tally.Read(now));
        }
        Assert.Equal(700, rows.Sum(r => r.Tally.Received));
        Assert.Equal(all.Where(e => e.AcceptedAt is not null).Sum(e => e.Rating ?? 0), rows.Sum(r => r.Tally.RatingSum));
    }

    [Fact]
    public async Task Records_written_in_transactions_read_back_whole_and_a_repeated_id_is_one_row()
    {
        var book = _app.Services.GetRequiredService<RecordBook>();
        var records = Enumerable.Range(0, 230).Select(i => new EvaluationRecord
        {
            Id = $"r{i}", Kind = RecordKinds.ServiceHours, SourceId = $"s{i}", StreetId = "caiyuan", CommunityId = "qingshan", UnitId = "caiyuan-health-centre",
            UnitName = "财源街道社区卫生服务中心", ClaimerKind = "unit", Title = "义诊", Hours = 1.5, At = new DateTimeOffset(2026, 3, 1, 9, 0, 0, Beijing).AddHours(i),
        }).ToList();
        Assert.Equal(230, await book.WriteManyAsync([.. records, records[0]], CancellationToken.None));
        var read = await book.ReadAsync("caiyuan", 2026, "caiyuan-health-centre", CancellationToken.None);
        Assert.Equal(records.Select(r => r.Id).Order(StringComparer.Ordinal), read.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(records.Sum(r => r.Hours), read.Sum(r => r.Hours));
        Assert.Equal(records[17], read.Single(r => r.Id == "r17"));
    }
}
