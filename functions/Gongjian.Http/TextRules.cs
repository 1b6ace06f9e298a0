namespace Gongjian.Http;

/// <summary>What text a person may send: no control characters except tab, line feed and carriage return.</summary>
public static class TextRules
{
    public static bool HasControl(string? text)
    {
        if (text is null) return false;
        foreach (var c in text)
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return true;
        return false;
    }
}
