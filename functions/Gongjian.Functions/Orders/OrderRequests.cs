namespace Gongjian.Functions.Orders;

public sealed record ContactInput
{
    public required string Name { get; init; }
    public required string Phone { get; init; }
}

public sealed record PlaceOrderRequest
{
    public required string Text { get; init; }
    public string? Category { get; init; }
    public required string CommunityId { get; init; }
    public required string Address { get; init; }
    public required ContactInput Contact { get; init; }
    /// <summary>Before-photos, base64 (jpeg, png or webp, ≤ 10 MB each).</summary>
    public IReadOnlyList<string>? Photos { get; init; }
}

public sealed record DispatchRequest
{
    public required string UnitId { get; init; }
    public string? Category { get; init; }
    public string? Note { get; init; }
}

public sealed record ReasonRequest
{
    public required string Reason { get; init; }
}

public sealed record OptionalReasonRequest
{
    public string? Reason { get; init; }
}

public sealed record CompleteRequest
{
    public required string Note { get; init; }
    /// <summary>After-photos, base64; at least one.</summary>
    public required IReadOnlyList<string> Photos { get; init; }
}

public sealed record ConfirmRequest
{
    public required int Rating { get; init; }
    public string? Comment { get; init; }
}
