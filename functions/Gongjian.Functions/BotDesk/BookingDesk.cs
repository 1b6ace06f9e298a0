using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Gongjian.Bot.Desk;
using Gongjian.Domain.Bookings;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Resources;
using Gongjian.Functions.Bookings;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Resources;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// The bot's way into 资源共享预约: the community's bookable entries of the 资源清单, a day's slots as
/// <c>GET /api/resources/{id}/availability</c> reads them (<see cref="DaySlots"/>), and the request and its cancellation
/// with the same commands as <see cref="BookResourceFunction"/> and <see cref="CancelBookingFunction"/> on the day's ledger.
/// </summary>
public sealed class BookingDesk(BookingStore store, ResourceStore resources, StorageClients storage, CommunityDirectory directory, IdempotencyStore idempotency)
    : IBookingDesk
{
    private const int MaxResources = 10;
    private const string NotFound = "预约不存在，请检查预约号。";

    public async Task<IReadOnlyList<BookableResource>> ResourcesAsync(string communityId, CancellationToken ct)
    {
        if (!(await directory.GetAsync(ct)).Communities.TryGetValue(communityId, out var community)) return [];
        // Entries listed for the community, and those offered to the whole street (listed in the street's partition only).
        var ids = new List<string>();
        foreach (var partition in new[] { ResourceModule.CommunityList(community.Id), ResourceModule.StreetList(community.StreetId) })
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Status eq {"active"}");
            await foreach (var row in storage.Table(TableNames.ResourceIndex).QueryAsync<TableEntity>(filter, select: ["ResourceId"], cancellationToken: ct))
                if (row.GetString("ResourceId") is { } id && !ids.Contains(id)) ids.Add(id);
        }
        var found = new List<BookableResource>();
        foreach (var id in ids)
        {
            if (await resources.LoadAsync(id, ct) is not { State: { Status: ResourceStatus.Active, Booking: { } policy } s } || !s.Covers(community.Id)) continue;
            found.Add(new BookableResource(s.Id, s.Details!.Title, s.UnitName, s.Details.Description, policy.Instant, policy.SlotMinutes));
            if (found.Count == MaxResources) break;
        }
        return found;
    }

    public async Task<DeskResult<ResourceDay>> DayAsync(string resourceId, DateOnly day, CancellationToken ct)
    {
        if (await BookableAsync(resourceId, ct) is not { } resource) return DeskResult<ResourceDay>.Refused("该场地已不开放预约。");
        var policy = resource.Booking!;
        var ledger = (await store.LoadAsync(BookingLimits.LedgerId(resourceId, day), ct))?.State;
        var hours = policy.Hours.TryGetValue(day.DayOfWeek, out var w) ? $"{BookingTimes.Clock(w.OpensAt)}–{BookingTimes.Clock(w.ClosesAt)}" : null;
        var slots = DaySlots.Of(policy, day, ledger).Select(s => new DaySlot(s.Start, s.End, s.Free)).ToList();
        return DeskResult<ResourceDay>.Ok(new ResourceDay(resourceId, resource.Details?.Title ?? "", day, hours is not null, hours, slots));
    }

    public async Task<DeskResult<BookedSlot>> BookAsync(BookingRequest request, CancellationToken ct)
    {
        if (await BookableAsync(request.ResourceId, ct) is not { } resource) return DeskResult<BookedSlot>.Refused("该场地已不开放预约。");
        // The draft id with its content: the same draft confirmed twice is one booking; a changed one is a new key.
        var content = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            [request.ResourceId, request.Day.ToString("yyyy-MM-dd"), request.Start, request.End, request.Name, request.Phone, request.Purpose, request.People.ToString()]))));
        var reservation = await idempotency.ReserveAsync(IdempotencyKey.ForBotDraft($"booking:{request.DraftId}:{content}"), content,
            BookingAccess.NewId(request.Day), OrderIds.NewTrackingCode(), ct);
        var (bookingId, code) = (reservation.OrderId, reservation.TrackingCode);
        var command = new RequestBooking
        {
            By = BookingActors.Requester, BookingId = bookingId, Resource = BookingAccess.ForBooking(resource),
            Start = BookingTimes.At(request.Day, Minutes(request.Start)), End = BookingTimes.At(request.Day, Minutes(request.End)),
            Name = request.Name, Phone = request.Phone, Purpose = request.Purpose, People = request.People, CodeHash = BookingAccess.Hash(code),
        };
        var outcome = await store.ExecuteAsync(BookingLimits.LedgerId(resource.Id, request.Day), command, ct);
        var replayed = outcome.Rejection is { Code: "booking_exists" } && outcome.State.Find(bookingId)?.CodeHash == command.CodeHash;
        if (!replayed && outcome.Rejection is { } r) return DeskResult<BookedSlot>.Refused(r.Message);
        return DeskResult<BookedSlot>.Ok(Of(outcome.State, outcome.State.Find(bookingId)!) with { Code = code });
    }

    public async Task<IReadOnlyList<BookedSlot>> StatusAsync(IReadOnlyList<(string ResourceId, string BookingId)> bookings, CancellationToken ct)
    {
        var found = new List<BookedSlot>();
        foreach (var (resourceId, bookingId) in bookings.DistinctBy(b => b.BookingId))
            if (await LedgerAsync(resourceId, bookingId, ct) is { } ledger && ledger.Find(bookingId) is { } b) found.Add(Of(ledger, b));
        return found;
    }

    public async Task<DeskResult<BookedSlot>> CancelAsync(string resourceId, string bookingId, string code, CancellationToken ct)
    {
        if (await LedgerAsync(resourceId, bookingId, ct) is not { } ledger || ledger.Find(bookingId) is null) return DeskResult<BookedSlot>.Refused(NotFound);
        var command = new CancelBooking { By = BookingActors.Requester, BookingId = bookingId, Reason = "预约人在聊天中取消", CodeHash = BookingAccess.Hash(code) };
        var outcome = await store.ExecuteAsync(ledger.Id, command, ct);
        return outcome.Rejection is { } r ? DeskResult<BookedSlot>.Refused(r.Message) : DeskResult<BookedSlot>.Ok(Of(outcome.State, outcome.State.Find(bookingId)!));
    }

    private async Task<ResourceState?> BookableAsync(string resourceId, CancellationToken ct) =>
        ResourceAccess.IsWellFormed(resourceId) && await resources.LoadAsync(resourceId, ct) is { State: { Status: ResourceStatus.Active, Booking: not null } s } ? s : null;

    private async Task<BookingLedgerState?> LedgerAsync(string resourceId, string bookingId, CancellationToken ct) =>
        ResourceAccess.IsWellFormed(resourceId) && BookingAccess.DayOf(bookingId) is { } day
            ? (await store.LoadAsync(BookingLimits.LedgerId(resourceId, day), ct))?.State : null;

    private static int Minutes(string hhmm) => int.Parse(hhmm[..2]) * 60 + int.Parse(hhmm[3..]);

    private static BookedSlot Of(BookingLedgerState s, Booking b) => new(s.ResourceId, b.Id, s.Title, s.Day, BookingTimes.Clock(b.Start), BookingTimes.Clock(b.End),
        b.Status.Code(), b.Status.Chinese(), b.Reason);
}
