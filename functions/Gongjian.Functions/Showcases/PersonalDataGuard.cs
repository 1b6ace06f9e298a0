using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;

namespace Gongjian.Functions.Showcases;

/// <summary>
/// A showcase is public: its title and story must not carry a phone or ID-card number in any notation,
/// a building/unit/room number, or the name or address of a resident of the included orders.
/// Organizers write stories by hand, so this is checked with the same <see cref="FreeTextRedactor"/>
/// that masks texts elsewhere — but refused, not masked: a published story is the organizer's words,
/// and they should choose what replaces the number. "3号楼的路灯修好了" passes; "3号楼2单元301修好了" does not.
/// </summary>
public static class PersonalDataGuard
{
    public sealed record Leak(string Field, IReadOnlyList<PersonalDataKind> Kinds)
    {
        /// <summary>"标题中含有电话号码、门牌号（楼栋、单元、房号），请删除后再发布。"</summary>
        public string Title => $"{(Field == "title" ? "标题" : "故事")}中含有{string.Join("、", Kinds.Select(k => k.Chinese()))}，请删除后再发布。";
    }

    public static Leak? FindLeak(string title, string story, IReadOnlyCollection<OrderState> orders)
    {
        foreach (var (field, text) in new[] { ("title", title), ("story", story) })
        {
            var kinds = orders.Select(KnownPersonalData.Of).DefaultIfEmpty(KnownPersonalData.None)
                .SelectMany(known => FreeTextRedactor.Find(text, known)).Select(f => f.Kind).Distinct().Order().ToList();
            if (kinds.Count > 0) return new Leak(field, kinds);
        }
        return null;
    }
}
