using System.Text;
using System.Text.Json.Nodes;
using Gongjian.Domain.Community;
using Gongjian.Understanding.Slots;

namespace Gongjian.Understanding.OpenAi;

/// <summary>
/// What the model is told and the shape it must answer in. The schema is strict and built per call,
/// so the category and community fields are enums of exactly the codes and ids that are valid now;
/// the answer is still validated, because a schema constrains form, not truth.
/// </summary>
internal static class WishPrompt
{
    public const string SchemaName = "wish_fields";

    private static readonly Dictionary<string, string> TypicalOrders = new(StringComparer.Ordinal)
    {
        ["repair"] = "楼道灯坏了、水管漏水、电梯故障、路面坑洼",
        ["environment"] = "垃圾堆积、乱扔烟头、绿化修剪、蚊虫消杀",
        ["parking"] = "停车难、僵尸车、占用消防通道",
        ["elderly"] = "独居老人送餐、陪同就医、上门理发",
        ["health"] = "义诊、量血压、康复训练、心理疏导",
        ["legal"] = "劳动纠纷咨询、遗嘱、租房合同",
        ["children"] = "困境儿童辅导、假期托管、课后阅读",
        ["hardship"] = "困难家庭帮扶、微心愿（书包、棉被）",
        ["culture"] = "书法班、读书会、文艺演出、培训",
        ["safety"] = "邻里纠纷、噪音扰民、治安隐患",
        ["party"] = "主题党日、党员学习、共建活动",
        ["other"] = "以上都不是的事情",
    };

    public static string System(IReadOnlyList<KnownCommunity> communities)
    {
        var sb = new StringBuilder();
        sb.AppendLine("你是社区服务平台的接单助手。居民（很多是老年人）会发来一段简短、可能有错别字或方言的求助文字。");
        sb.AppendLine("请只根据这段文字提取信息，不要编造；文字里没有的就填 null。");
        sb.AppendLine("服务类别（category 只能填代码）：");
        foreach (var c in ServiceCategory.All)
            sb.AppendLine($"- {c.Code}：{c.Name}，例如 {TypicalOrders.GetValueOrDefault(c.Code, c.Name)}");
        sb.AppendLine("社区（communityId 只能填下列 id，提到社区名、别名或小区名时才填）：");
        foreach (var c in communities)
            sb.AppendLine($"- {c.Id}：{c.Name}（别名：{string.Join("、", c.Aliases)}）");
        sb.AppendLine("字段说明：confidence 是你对类别的把握（0 到 1）；place 是原文中的位置，如“宝盛小区3号楼2单元”；");
        sb.AppendLine("phone 是原文中的电话号码；contactName 是居民自称的联系人，如“李阿姨”“王”；");
        sb.AppendLine("urgent：漏水、着火、煤气、停电、电梯困人、老人摔倒等危及人身或财产的情况为 true；");
        sb.AppendLine($"summary 是一句话概括，不超过 {SummaryWriter.MaxLength} 个字，用居民的原话，不要包含电话号码。");
        sb.AppendLine("problems：只有当这段话说了两件或以上不同类别的事（如“楼道灯坏了，还有辆僵尸车没人管”）时，按原文顺序逐件列出：");
        sb.AppendLine("每件的 category、summary（同上要求）、urgent，以及 text（这件事的原话，不含电话号码）；同一类别的几件事算一件。只有一件事时填空数组 []。");
        return sb.ToString();
    }

    public static BinaryData Schema(IReadOnlyList<KnownCommunity> communities)
    {
        var codes = new JsonArray([.. ServiceCategory.All.Select(c => JsonValue.Create(c.Code)), null]);
        var ids = new JsonArray([.. communities.Select(c => JsonValue.Create(c.Id)), null]);
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("category", "confidence", "communityId", "place", "phone", "contactName", "urgent", "summary", "problems"),
            ["properties"] = new JsonObject
            {
                ["category"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["enum"] = codes },
                ["confidence"] = new JsonObject { ["type"] = "number" },
                ["communityId"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["enum"] = ids },
                ["place"] = NullableString(),
                ["phone"] = NullableString(),
                ["contactName"] = NullableString(),
                ["urgent"] = new JsonObject { ["type"] = "boolean" },
                ["summary"] = NullableString(),
                ["problems"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = false,
                        ["required"] = new JsonArray("category", "summary", "urgent", "text"),
                        ["properties"] = new JsonObject
                        {
                            ["category"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. ServiceCategory.All.Select(c => JsonValue.Create(c.Code))]) },
                            ["summary"] = new JsonObject { ["type"] = "string" },
                            ["urgent"] = new JsonObject { ["type"] = "boolean" },
                            ["text"] = new JsonObject { ["type"] = "string" },
                        },
                    },
                },
            },
        };
        return BinaryData.FromString(schema.ToJsonString());
    }

    private static JsonObject NullableString() => new() { ["type"] = new JsonArray("string", "null") };
}
