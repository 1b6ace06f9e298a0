using System.Globalization;
using Gongjian.Domain.Community;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Http;

namespace Gongjian.Functions.Open311;

/// <summary>
/// The filters of <c>GET requests</c>: service_request_id (a comma list; it overrides every other
/// filter), service_code and status (comma lists), start_date and end_date (requested_datetime,
/// at most 90 days apart; the last 90 days by default), jurisdiction_id (a street id), and the
/// paging extension page (from 1) and page_size (1–100, default 50), page × page_size ≤ 1000.
/// </summary>
public sealed record RequestQuery(
    IReadOnlyList<string>? Ids, IReadOnlyList<string>? ServiceCodes, bool? Closed,
    DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> StreetIds, int Page, int PageSize)
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(90);
    public const int MaxIds = 50, MaxPageSize = 100, DefaultPageSize = 50;
    /// <summary>How deep paging may go (page × page_size): each page reads that many rows per street, so deeper means a narrower date range.</summary>
    public const int MaxDepth = 1000;

    public static RequestQuery Parse(IQueryCollection q, DateTimeOffset now, CommunityDirectory.Snapshot directory)
    {
        string? Param(string name) => q[name].Count switch
        {
            0 => null,
            1 => q[name].ToString().Trim() is { Length: > 0 } v ? v : null,
            _ => throw ApiProblem.BadRequest("duplicate_parameter", $"参数 {name} 只能提交一次。"),
        };

        var ids = List(Param("service_request_id"));
        if (ids?.Count > MaxIds) throw ApiProblem.BadRequest("too_many_ids", $"service_request_id 一次最多 {MaxIds} 个。");

        var codes = List(Param("service_code"));
        if (codes?.FirstOrDefault(c => !ServiceCategory.IsKnown(c)) is { } unknown)
            throw ApiProblem.BadRequest("unknown_service", $"service_code {Open311Form.Printable(unknown)} 不存在。");

        bool? closed = List(Param("status")) switch
        {
            null => null,
            var s when s.All(x => x is "open" or "closed") => s.Contains("open") && s.Contains("closed") ? null : s.Contains("closed"),
            _ => throw ApiProblem.BadRequest("invalid_status", "status 只能是 open 或 closed。"),
        };

        var end = Date(Param("end_date"), "end_date");
        var start = Date(Param("start_date"), "start_date");
        (start, end) = (start, end) switch
        {
            (null, null) => (now - MaxRange, now),
            (null, { } e) => (e - MaxRange, e),
            ({ } s, null) => (s, s + MaxRange),
            ({ } s, { } e) => (s, e),
        };
        if (start > end) throw ApiProblem.BadRequest("invalid_date_range", "start_date 不能晚于 end_date。");
        if (end - start > MaxRange) throw ApiProblem.BadRequest("date_range_too_long", "start_date 与 end_date 相差不能超过 90 天。");

        var streets = Param("jurisdiction_id") is { } street
            ? directory.Streets.ContainsKey(street) ? [street] : throw ApiProblem.NotFound("unknown_jurisdiction", "jurisdiction_id 不存在（应为街道编号）。")
            : directory.Streets.Keys.Order(StringComparer.Ordinal).ToList();

        var (page, pageSize) = (Int(Param("page"), "page", 1, MaxDepth, 1), Int(Param("page_size"), "page_size", 1, MaxPageSize, DefaultPageSize));
        if (page * pageSize > MaxDepth)
            throw ApiProblem.BadRequest("paging_too_deep", $"page × page_size 不能超过 {MaxDepth}，请缩小 start_date 与 end_date 的范围。", "page");
        return new RequestQuery(ids, codes, closed, start!.Value, end!.Value, streets, page, pageSize);
    }

    private static List<string>? List(string? raw) =>
        raw?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } l ? l : null;

    private static DateTimeOffset? Date(string? raw, string name) =>
        raw is null ? null
        : DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && raw.Contains('T') || DateOnlyDate(raw, out at) ? at
        : throw ApiProblem.BadRequest("invalid_date", $"{name} 须为 ISO 8601 日期时间，例如 2026-12-01T00:00:00+08:00。", name);

    private static bool DateOnlyDate(string raw, out DateTimeOffset at)
    {
        var ok = DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        at = ok ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)) : default;
        return ok;
    }

    private static int Int(string? raw, string name, int min, int max, int fallback) =>
        raw is null ? fallback
        : int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw ApiProblem.BadRequest("invalid_paging", $"{name} 须为 {min} 到 {max} 之间的整数。", name);
}
