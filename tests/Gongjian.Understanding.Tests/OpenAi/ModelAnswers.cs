using System.Text.Json.Nodes;

namespace Gongjian.Understanding.Tests.OpenAi;

/// <summary>Model answers (the assistant message's JSON content) for the tests to vary one field at a time.</summary>
internal static class ModelAnswers
{
    public const string Text = "东七里宝盛小区3号楼下水道堵了 电话13805381234 联系人李阿姨";

    public static JsonObject Good() => new()
    {
        ["category"] = "repair",
        ["confidence"] = 0.93,
        ["communityId"] = "dongqili",
        ["place"] = "宝盛小区3号楼",
        ["phone"] = "138 0538 1234",
        ["contactName"] = "李阿姨",
        ["urgent"] = false,
        ["summary"] = "宝盛小区3号楼下水道堵了",
    };

    public static string With(string field, JsonNode? value)
    {
        var answer = Good();
        answer[field] = value;
        return answer.ToJsonString();
    }
}
