namespace Gongjian.Domain.Privacy.FreeText;

/// <summary>What kind of personal data was found in free text.</summary>
public enum PersonalDataKind { Phone, IdCard, HouseNumber, Address, Name }

public static class PersonalDataKindNames
{
    /// <summary>How a refusal names it to staff, e.g. "标题或故事中含有门牌号（楼栋、单元、房号）".</summary>
    public static string Chinese(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Phone => "电话号码",
        PersonalDataKind.IdCard => "身份证号",
        PersonalDataKind.HouseNumber => "门牌号（楼栋、单元、房号）",
        PersonalDataKind.Address => "居民地址",
        _ => "居民姓名",
    };

    public static string Code(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.IdCard => "id_card",
        PersonalDataKind.HouseNumber => "house_number",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
