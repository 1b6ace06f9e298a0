namespace Gongjian.Domain.Privacy.FreeText;

/// <summary>One piece of personal data in a text: where it is and what replaces it when masked.</summary>
public sealed record PersonalDataFinding(PersonalDataKind Kind, int Start, int Length, string Replacement)
{
    public int End => Start + Length;
}
