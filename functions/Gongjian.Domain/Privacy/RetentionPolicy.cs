namespace Gongjian.Domain.Privacy;

/// <summary>How long a closed order keeps the resident's personal data before it is erased (PIPL).</summary>
public sealed record RetentionPolicy
{
    public TimeSpan EraseAfter { get; init; } = TimeSpan.FromDays(180);

    public static readonly RetentionPolicy Default = new();
}
