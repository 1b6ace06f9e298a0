namespace Gongjian.Domain.Wishes;

/// <summary>What kind of wish: small, personal, fulfilled by one person or unit.</summary>
public static class WishCategory
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["daily"] = "生活用品",
        ["study"] = "学习用品",
        ["care"] = "助老助残",
        ["service"] = "上门服务",
        ["health"] = "健康关爱",
        ["culture"] = "文化娱乐",
        ["other"] = "其他",
    };

    public static bool IsKnown(string? code) => code is not null && All.ContainsKey(code);

    public static string NameOf(string code) => All.TryGetValue(code, out var name) ? name : code;
}
