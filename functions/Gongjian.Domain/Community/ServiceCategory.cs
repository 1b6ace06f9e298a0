namespace Gongjian.Domain.Community;

/// <summary>A stable service-category code and the Chinese name people see.</summary>
public sealed record ServiceCategory(string Code, string Name)
{
    public static readonly IReadOnlyList<ServiceCategory> All =
    [
        new("repair", "设施维修"),
        new("environment", "环境卫生"),
        new("parking", "停车交通"),
        new("elderly", "养老助老"),
        new("health", "医疗健康"),
        new("legal", "法律服务"),
        new("children", "未成年人关爱"),
        new("hardship", "帮贫解困"),
        new("culture", "文化教育"),
        new("safety", "平安调解"),
        new("party", "党建联建"),
        new("other", "其他"),
    ];

    private static readonly Dictionary<string, ServiceCategory> ByCode =
        All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    public static ServiceCategory? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code, out var c) ? c : null;

    public static string NameOf(string? code) => Find(code)?.Name ?? "未分类";
}
