using Gongjian.Domain.Community;
using Gongjian.Domain.Evaluation;
using Gongjian.Functions.Records;

namespace Gongjian.Bench.Indicators;

/// <summary>
/// A street's year of synthetic history, from a fixed seed: dispatch episodes over the seeded units of 财源街道 and
/// <c>extraUnits</c> more (压测单位01…), spread over the year's days so far, and module records of every kind. Nothing
/// personal: ids, categories, counts and hours.
/// </summary>
public sealed class SyntheticYear(string streetId, IReadOnlyList<(string Id, string Name)> units, IReadOnlyList<string> communities, int year, DateTimeOffset until)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public DateTimeOffset Start { get; } = new(year, 1, 1, 0, 0, 0, Beijing);
    private double Span => (until - Start).TotalSeconds;

    public static IReadOnlyList<(string Id, string Name)> Units(IEnumerable<(string Id, string Name)> seeded, int extra) =>
        [.. seeded, .. Enumerable.Range(1, extra).Select(i => ($"bench-unit-{i:D2}", $"压测单位{i:D2}"))];

    public IEnumerable<DispatchEpisode> Episodes(int count)
    {
        var random = new Random(14);
        var categories = ServiceCategory.All.Select(c => c.Code).ToArray();
        for (var i = 0; i < count; i++)
        {
            var (unitId, unitName) = units[random.Next(units.Count)];
            var dispatched = Start.AddSeconds(random.NextDouble() * Span);
            var e = new DispatchEpisode
            {
                OrderId = $"GB{i:D7}", StreetId = streetId, CommunityId = communities[random.Next(communities.Count)], UnitId = unitId, UnitName = unitName,
                Category = categories[random.Next(categories.Length)], DispatchedAt = dispatched, Version = 3,
            };
            var roll = random.NextDouble();
            if (roll < 0.04) { yield return e with { DeclinedAt = dispatched.AddHours(random.NextDouble() * 6) }; continue; }
            if (roll < 0.06) { yield return e with { WithdrawnAt = dispatched.AddHours(24) }; continue; }
            var accepted = dispatched.AddHours(random.NextDouble() * random.NextDouble() * 30);
            e = e with { AcceptedAt = accepted, Version = 4 };
            if (random.NextDouble() < 0.03 || accepted.AddDays(10) > until) { yield return e; continue; }
            var completed = accepted.AddHours(1 + random.NextDouble() * random.NextDouble() * 120);
            var reopened = random.NextDouble() < 0.05 ? new[] { completed.AddHours(20) } : [];
            var escalated = random.NextDouble() < 0.04 ? new[] { accepted.AddHours(60) } : [];
            var rated = random.NextDouble() < 0.85;
            yield return e with
            {
                FirstCompletedAt = completed, ReopenedAt = reopened, EscalatedAt = escalated, ConfirmedAt = completed.AddHours(30 + reopened.Length * 48),
                Rating = rated ? Math.Clamp(5 - (int)(random.NextDouble() * random.NextDouble() * 5), 1, 5) : null, Version = 6 + reopened.Length * 2 + escalated.Length,
            };
        }
    }

    /// <summary>
    /// <paramref name="count"/> records of every kind over the year, shaped as the seeds tell it: a unit works mostly in
    /// its own community (one in five of its records elsewhere), and attendance comes by activity — one activity for every
    /// 50 records, each hosted by one unit in its community, so an activity has ≈ 3–4 attendance records a month of the
    /// year on average. <paramref name="batch"/> names them (another batch: other ids, other draws).
    /// </summary>
    public IEnumerable<EvaluationRecord> Records(int count, string batch = "bench")
    {
        var random = new Random(batch == "bench" ? 1414 : batch.Length * 7919);
        var kinds = RecordKinds.All;
        var activities = Math.Max(1, count / 50);
        string Home(int unit) => communities[unit % communities.Count];
        for (var i = 0; i < count; i++)
        {
            var kind = kinds[random.Next(kinds.Count)];
            var activity = random.Next(activities);
            var unit = kind is RecordKinds.ActivityAttended or RecordKinds.ActivityHosted ? activity % units.Count : random.Next(units.Count);
            var (unitId, unitName) = units[unit];
            var community = kind is RecordKinds.ActivityAttended or RecordKinds.ActivityHosted || random.NextDouble() < 0.8 ? Home(unit) : communities[random.Next(communities.Count)];
            var person = kind is RecordKinds.ActivityAttended || kind is RecordKinds.ServiceHours && random.NextDouble() < 0.7;
            yield return new EvaluationRecord
            {
                Id = $"{kind}_{batch}_{i:D6}", Kind = kind,
                SourceId = kind is RecordKinds.ActivityAttended or RecordKinds.ActivityHosted ? $"BA{activity:D5}" : $"BS{i:D6}",
                StreetId = streetId, CommunityId = community,
                UnitId = person ? null : unitId, UnitName = person ? null : unitName, ClaimerKind = person ? "volunteer" : "unit",
                PersonKey = person ? $"pk{random.Next(3000):D4}" : null, Title = $"{RecordKinds.Chinese(kind)} {i % 5000}",
                Rating = kind == RecordKinds.OrderCompleted ? random.Next(3, 6) : null,
                Hours = kind is RecordKinds.ActivityAttended or RecordKinds.ActivityHosted or RecordKinds.ServiceHours ? Math.Round(0.5 + random.NextDouble() * 4, 1) : null,
                At = Start.AddSeconds(random.NextDouble() * Span),
            };
        }
    }
}
