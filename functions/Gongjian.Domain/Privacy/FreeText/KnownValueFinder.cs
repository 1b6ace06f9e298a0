namespace Gongjian.Domain.Privacy.FreeText;

/// <summary>The order's own contact name and address, wherever the text repeats them word for word.</summary>
public static class KnownValueFinder
{
    // What the bot and forms put when the resident gave no name; masking these would hide every "居民" in a text.
    private static readonly HashSet<string> Placeholders = ["居民", "匿名", "先生", "女士", "本人", "业主"];

    public static IEnumerable<PersonalDataFinding> Find(string text, KnownPersonalData known)
    {
        if (known.Address?.Trim() is { Length: >= 4 } address)
        {
            foreach (var at in All(text, address)) yield return new(PersonalDataKind.Address, at, address.Length, AddressMask.Mask(address));
            // The house number part repeated alone ("…住3号楼2单元301"); short tails such as "8号" are too common to hide.
            var firstDigit = address.AsSpan().IndexOfAny("0123456789０１２３４５６７８９");
            if (firstDigit > 0 && address[firstDigit..] is { Length: >= 4 } tail)
            {
                // Masked like any house number ("3号楼****"), or whole when it is not one.
                var masked = HouseNumberFinder.MaskAll(tail) is var m && m != tail ? m : "****";
                foreach (var at in All(text, tail)) yield return new(PersonalDataKind.HouseNumber, at, tail.Length, masked);
            }
        }
        if (known.Name?.Trim() is { Length: >= 2 } name && !Placeholders.Contains(name))
            foreach (var at in All(text, name)) yield return new(PersonalDataKind.Name, at, name.Length, AddressMask.MaskName(name));
    }

    private static IEnumerable<int> All(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            yield return at;
    }
}
