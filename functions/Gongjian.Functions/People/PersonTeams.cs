namespace Gongjian.Functions.People;

/// <summary>
/// The teams a community's people join. Each community has the same kinds of team (学雷锋志愿服务队 and the others
/// here), named for it: team id <c>{kind}</c> within the community. Members are counted from the community's list.
/// </summary>
public static class PersonTeams
{
    public static readonly IReadOnlyList<(string Id, string Name)> Kinds =
    [
        ("xueleifeng", "学雷锋志愿服务队"),
        ("dangyuan", "党员先锋服务队"),
        ("jinguo", "巾帼志愿服务队"),
        ("falv", "法律服务队"),
        ("yiliao", "医疗健康服务队"),
        ("wenming", "文明实践宣讲队"),
    ];

    public static string? NameOf(string id) => Kinds.FirstOrDefault(k => k.Id == id).Name;
}
