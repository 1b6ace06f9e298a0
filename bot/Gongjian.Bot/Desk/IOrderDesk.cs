using Gongjian.Understanding;

namespace Gongjian.Bot.Desk;

/// <summary>
/// What the conversations need from the order cycle. Implemented by the function app with the real
/// stores and the cycle's rules; every refusal comes back as a Chinese sentence, never an exception.
/// </summary>
public interface IOrderDesk
{
    Task<IReadOnlyList<KnownCommunity>> CommunitiesAsync(CancellationToken ct);

    /// <summary>Places the order; the draft's staged photos become its before-photos.</summary>
    Task<DeskResult<PlacedOrder>> PlaceAsync(OrderDraft draft, CancellationToken ct);

    /// <summary>
    /// Photos a resident sent while the wish is being taken (raw bytes as received): checked by content
    /// and stripped of EXIF, then kept aside until the order is placed. All or none: one bad photo refuses the lot.
    /// </summary>
    Task<DeskResult<StagedPhotos>> StagePhotosAsync(IReadOnlyList<byte[]> photos, CancellationToken ct);

    /// <summary>The current status of orders this conversation knows; unknown ids are left out.</summary>
    Task<IReadOnlyList<OrderSummary>> StatusAsync(IReadOnlyList<string> orderIds, CancellationToken ct);

    /// <summary>An order the resident names with its tracking code.</summary>
    Task<DeskResult<OrderSummary>> FindAsync(string orderId, string trackingCode, CancellationToken ct);

    Task<DeskResult<OrderSummary>> ConfirmAsync(string orderId, string trackingCode, int rating, string? comment, CancellationToken ct);

    Task<DeskResult<OrderSummary>> ReopenAsync(string orderId, string trackingCode, string reason, CancellationToken ct);

    Task<DeskResult<OrderSummary>> CancelAsync(string orderId, string trackingCode, string? reason, CancellationToken ct);

    Task<DeskResult<AcceptedOrder>> AcceptAsync(LiaisonActor liaison, string orderId, CancellationToken ct);

    Task<DeskResult<OrderSummary>> DeclineAsync(LiaisonActor liaison, string orderId, string reason, CancellationToken ct);

    /// <summary>办结 with a note and photos (raw bytes as received; checked and stripped of EXIF before storing).</summary>
    Task<DeskResult<OrderSummary>> CompleteAsync(LiaisonActor liaison, string orderId, string note, IReadOnlyList<byte[]> photos, CancellationToken ct);

    /// <summary>The unit's display name, or null when there is no such unit.</summary>
    Task<string?> UnitNameAsync(string unitId, CancellationToken ct);

    /// <summary>The last photo the unit completed the order with (as stored: EXIF-free), for the resident's own chat; null when there is none.</summary>
    Task<OrderPhoto?> CompletionPhotoAsync(string orderId, CancellationToken ct);
}

/// <summary>A stored photo of an order: its bytes and content type.</summary>
public sealed record OrderPhoto(byte[] Bytes, string ContentType);

/// <summary>Either a value or the reason (in Chinese) it could not be had.</summary>
public sealed record DeskResult<T>(T? Value, string? Refusal) where T : class
{
    public bool Succeeded => Refusal is null;

    public static DeskResult<T> Ok(T value) => new(value, null);

    public static DeskResult<T> Refused(string reason) => new(null, reason);
}

/// <param name="Photos">Ids of photos staged with <see cref="IOrderDesk.StagePhotosAsync"/> (none: null or empty).</param>
/// <param name="DraftId">
/// The wish's id in its conversation: placing the same draft again (a 确认提交 resent after a crash or
/// a lost reply) answers with the order it already placed instead of placing a second one.
/// </param>
public sealed record OrderDraft(
    string Text, string Category, string CommunityId, string Place, string Phone, string? ContactName, bool Urgent,
    IReadOnlyList<string>? Photos = null, string? DraftId = null);

/// <summary>Ids of photos kept aside for an order not placed yet (small: they live in the conversation state).</summary>
public sealed record StagedPhotos(IReadOnlyList<string> Ids);

public sealed record PlacedOrder(string OrderId, string TrackingCode, string StatusName);

/// <summary>
/// An order as a resident or liaison may see it in chat: no phone, no address. <see cref="NextStep"/>
/// is what is due next (派单, 接单, 办结, 评价) by <see cref="NextDueAt"/>, when known.
/// </summary>
public sealed record OrderSummary(
    string OrderId, string Summary, string CategoryName, string Status, string StatusName, string? UnitName,
    DateTimeOffset? NextDueAt, string? NextStep = null);

/// <summary>After 接单 the unit may see the resident's contact (PIPL: only once accepted).</summary>
public sealed record AcceptedOrder(OrderSummary Order, string ContactName, string ContactPhone, string Address);

/// <summary>A liaison acting for a unit in chat.</summary>
public sealed record LiaisonActor(string UnitId, string Name);
