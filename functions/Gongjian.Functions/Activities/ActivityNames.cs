using Gongjian.Domain.Activities;

namespace Gongjian.Functions.Activities;

/// <summary>How people read an activity's codes: its category and who may join, in Chinese.</summary>
public static class ActivityNames
{
    public static string Category(string code) => code switch
    {
        "volunteer" => "志愿服务", "party" => "党建活动", "culture" => "文化活动", "sports" => "体育健身",
        "health" => "健康服务", "education" => "教育培训", "environment" => "环境保护", _ => "其他",
    };

    public static string Audience(string code) => code switch
    {
        ActivityAudience.Residents => "居民", ActivityAudience.PartyMembers => "党员", ActivityAudience.Volunteers => "志愿者",
        ActivityAudience.Units => "共建单位", _ => code,
    };
}
