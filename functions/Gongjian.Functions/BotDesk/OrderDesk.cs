using System.Security.Cryptography;
using System.Text;
using Gongjian.Bot.Desk;
using Gongjian.Domain.Community;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Functions.Access;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Http;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Photos;
using Gongjian.Functions.Storage;
using Gongjian.Understanding;
using OrderSummary = Gongjian.Bot.Desk.OrderSummary;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// The bot's way into the order cycle: the same stores, rules and photo checks as the HTTP
/// functions. Residents act with their tracking code; liaisons as their bound unit. Refusals come
/// back as the rules' Chinese sentences.
/// </summary>
public sealed class OrderDesk(
    OrderStore store, OrderPlacement placement, PhotoStore photos, PhotoStaging staging, CommunityDirectory directory, SlaPolicy policy, TimeProvider clock) : IOrderDesk
{
    private static readonly Actor Resident = new(ActorRole.Resident, "resident");

    public async Task<IReadOnlyList<KnownCommunity>> CommunitiesAsync(CancellationToken ct) =>
        [.. (await directory.GetAsync(ct)).Communities.Values.Where(c => !c.IsRetired).OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => new KnownCommunity(c.Id, c.Name, Aliases(c.Name)))];

    public async Task<DeskResult<PlacedOrder>> PlaceAsync(OrderDraft draft, CancellationToken ct)
    {
        if (!(await directory.GetAsync(ct)).Communities.TryGetValue(draft.CommunityId, out var community))
            return DeskResult<PlacedOrder>.Refused("社区不存在，请重新选择社区。");
        if (community.IsRetired)
            return DeskResult<PlacedOrder>.Refused($"{community.Name}已停止受理新的诉求，请重新选择社区。");
        var staged = draft.Photos ?? [];
        // The draft id with its content: the same wish confirmed twice is one order; a revised one is a new key.
        var content = DraftFingerprint(draft);
        var key = draft.DraftId is { } draftId ? IdempotencyKey.ForBotDraft($"{draftId}:{content}") : null;
        var outcome = await placement.PlaceAsync(
            (id, trackingCodeHash) => new PlaceOrder
            {
                By = Resident, OrderId = id, Text = draft.Text, Category = draft.Category, CommunityId = community.Id,
                StreetId = community.StreetId, Address = draft.Place, Contact = new Contact(draft.ContactName ?? "居民", draft.Phone),
                TrackingCodeHash = trackingCodeHash, Origin = OrderOrigin.Direct,
            },
            staged.Count == 0 ? null : token => staging.LoadAsync(staged, token),
            key is null ? null : (key, content), ct);
        if (outcome.Rejection is { } r) return DeskResult<PlacedOrder>.Refused(r.Message);
        if (staged.Count > 0 && !outcome.Order!.Replayed) await staging.DeleteAsync(staged, ct);
        return DeskResult<PlacedOrder>.Ok(new PlacedOrder(outcome.Order!.OrderId, outcome.Order.TrackingCode, OrderStatus.Placed.Chinese()));
    }

    private static string DraftFingerprint(OrderDraft d) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
        [d.Text, d.Category, d.CommunityId, d.Place, d.Phone, d.ContactName ?? "", d.Urgent ? "urgent" : "", .. d.Photos ?? []]))));

    public async Task<DeskResult<StagedPhotos>> StagePhotosAsync(IReadOnlyList<byte[]> photoBytes, CancellationToken ct)
    {
        IReadOnlyList<Media.SanitizedPhoto> prepared;
        try { prepared = PhotoStore.Prepare([.. photoBytes.Select(Convert.ToBase64String)], "photos"); }
        catch (ApiProblem problem) { return DeskResult<StagedPhotos>.Refused(problem.Title); }
        return DeskResult<StagedPhotos>.Ok(new StagedPhotos(await staging.StageAsync(prepared, ct)));
    }

    public async Task<IReadOnlyList<OrderSummary>> StatusAsync(IReadOnlyList<string> orderIds, CancellationToken ct)
    {
        var loaded = await Task.WhenAll(orderIds.Where(OrderIds.IsWellFormed).Distinct().Select(id => store.LoadAsync(id, ct)));
        return [.. loaded.Where(l => l is not null).Select(l => Summarize(l!.State))];
    }

    public async Task<DeskResult<OrderSummary>> FindAsync(string orderId, string trackingCode, CancellationToken ct) =>
        await WithCodeAsync(orderId, trackingCode, ct) is var (found, refusal) && refusal is null
            ? DeskResult<OrderSummary>.Ok(Summarize(found!.State)) : DeskResult<OrderSummary>.Refused(refusal!);

    public Task<DeskResult<OrderSummary>> ConfirmAsync(string orderId, string trackingCode, int rating, string? comment, CancellationToken ct) =>
        AsResidentAsync(orderId, trackingCode, new ConfirmOrder { By = Resident, Rating = rating, Comment = comment }, ct);

    public Task<DeskResult<OrderSummary>> ReopenAsync(string orderId, string trackingCode, string reason, CancellationToken ct) =>
        AsResidentAsync(orderId, trackingCode, new ReopenOrder { By = Resident, Reason = reason }, ct);

    public Task<DeskResult<OrderSummary>> CancelAsync(string orderId, string trackingCode, string? reason, CancellationToken ct) =>
        AsResidentAsync(orderId, trackingCode, new CancelOrder { By = Resident, Reason = reason }, ct);

    public async Task<DeskResult<AcceptedOrder>> AcceptAsync(LiaisonActor liaison, string orderId, CancellationToken ct)
    {
        var done = await AsUnitAsync(liaison, orderId, by => new AcceptOrder { By = by }, null, ct);
        return done.State is { } s
            ? DeskResult<AcceptedOrder>.Ok(new AcceptedOrder(Summarize(s, whole: true), s.Contact.Name, s.Contact.Phone, s.Address))
            : DeskResult<AcceptedOrder>.Refused(done.Refusal!);
    }

    public async Task<DeskResult<OrderSummary>> DeclineAsync(LiaisonActor liaison, string orderId, string reason, CancellationToken ct) =>
        Result(await AsUnitAsync(liaison, orderId, by => new DeclineOrder { By = by, Reason = reason }, null, ct));

    public async Task<DeskResult<OrderSummary>> CompleteAsync(LiaisonActor liaison, string orderId, string note, IReadOnlyList<byte[]> photoBytes, CancellationToken ct)
    {
        IReadOnlyList<Media.SanitizedPhoto> prepared;
        try { prepared = PhotoStore.Prepare([.. photoBytes.Select(Convert.ToBase64String)], "photos"); }
        catch (ApiProblem problem) { return DeskResult<OrderSummary>.Refused(problem.Title); }
        return Result(await AsUnitAsync(liaison, orderId,
            by => new CompleteOrder { By = by, Note = note, PhotoIds = [.. prepared.Select((_, i) => $"pending-{i}")] },
            async command => (CompleteOrder)command with { PhotoIds = await photos.SaveAsync(orderId, prepared, ct) }, ct));
    }

    public async Task<string?> UnitNameAsync(string unitId, CancellationToken ct) =>
        (await directory.GetAsync(ct)).Units.TryGetValue(unitId, out var unit) ? unit.Name : null;

    /// <summary>The order as stored (read fresh: a wrong code or a missing order is answered at once), if the code is its own.</summary>
    private async Task<(LoadedOrder? Found, string? Refusal)> WithCodeAsync(string orderId, string trackingCode, CancellationToken ct)
    {
        var loaded = OrderIds.IsWellFormed(orderId) ? await store.LoadAsync(orderId, ct) : null;
        if (loaded is not { } found) return (null, "工单不存在，请检查工单编号。");
        var given = Encoding.ASCII.GetBytes(OrderAccess.HashTrackingCode(trackingCode));
        return CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(found.State.TrackingCodeHash))
            ? (found, null) : (null, "查询码不正确。");
    }

    private async Task<DeskResult<OrderSummary>> AsResidentAsync(string orderId, string trackingCode, OrderCommand command, CancellationToken ct)
    {
        var (found, refusal) = await WithCodeAsync(orderId, trackingCode, ct);
        if (refusal is not null) return DeskResult<OrderSummary>.Refused(refusal);
        var outcome = await store.ExecuteAsync(found!.State.Id, command, ct, found);
        return outcome.Rejection is { } r ? DeskResult<OrderSummary>.Refused(r.Message) : DeskResult<OrderSummary>.Ok(Summarize(outcome.State));
    }

    /// <param name="beforeSave">Work that must not happen for a refused command (storing photos): it runs only once the rules said yes.</param>
    private async Task<(OrderState? State, string? Refusal)> AsUnitAsync(
        LiaisonActor liaison, string orderId, Func<Actor, OrderCommand> build, Func<OrderCommand, Task<OrderCommand>>? beforeSave, CancellationToken ct)
    {
        if (!OrderIds.IsWellFormed(orderId)) return (null, "工单不存在，请检查工单编号。");
        var found = await store.LoadForCommandAsync(orderId, ct);
        var command = build(new Actor(ActorRole.Liaison, liaison.UnitId, liaison.Name));
        var refusal = Refusal(found, liaison, command);
        if (refusal is not null && found is { Cached: true })
        {
            // Refused on the state this process remembers: confirm on what is stored.
            found = await store.LoadAsync(orderId, ct);
            refusal = Refusal(found, liaison, command);
        }
        if (refusal is not null) return (null, refusal);
        if (beforeSave is not null) command = await beforeSave(command);
        var outcome = await store.ExecuteAsync(orderId, command, ct, found);
        return outcome.Rejection is { } r ? (null, r.Message) : (outcome.State, null);
    }

    private string? Refusal(LoadedOrder? found, LiaisonActor liaison, OrderCommand command) =>
        found is null ? "工单不存在，请检查工单编号。"
        : found.State.UnitId != liaison.UnitId ? "这张工单不是派给本单位的。"
        : OrderDecider.Decide(found.State, command, clock.GetUtcNow()).Rejection?.Message;

    // A unit's liaison reads the text whole once the unit has accepted, like the contact (OrderAccess.MaySeeContact).
    private DeskResult<OrderSummary> Result((OrderState? State, string? Refusal) done) =>
        done.State is { } s ? DeskResult<OrderSummary>.Ok(Summarize(s, whole: s.WasAccepted)) : DeskResult<OrderSummary>.Refused(done.Refusal!);

    /// <param name="whole">Only for the unit after acceptance; residents (by tracking code) read it masked, like the API's tracking view.</param>
    private OrderSummary Summarize(OrderState s, bool whole = false)
    {
        var deadline = Sla.Current(s, policy);
        return new OrderSummary(s.Id, Summary(s, whole), ServiceCategory.NameOf(s.Category), s.Status.Code(), s.Status.Chinese(), s.UnitName,
            deadline?.DueAt, deadline?.Step.Chinese());
    }

    private static string Summary(OrderState s, bool whole)
    {
        var line = s.Text.ReplaceLineEndings(" ").Trim();
        if (!whole) line = FreeTextRedactor.Redact(line, KnownPersonalData.Of(s));
        return line.Length <= 20 ? line : line[..20] + "…";
    }

    /// <summary>"东七里社区" is also "东七里".</summary>
    private static IReadOnlyList<string> Aliases(string name) => name.EndsWith("社区", StringComparison.Ordinal) && name.Length > 3 ? [name[..^2]] : [];

    public async Task<OrderPhoto?> CompletionPhotoAsync(string orderId, CancellationToken ct)
    {
        if (!OrderIds.IsWellFormed(orderId) || (await store.LoadAsync(orderId, ct))?.State is not { AfterPhotoIds: [.., var last] }) return null;
        if (await photos.OpenAsync(orderId, last, ct) is not { } photo) return null;
        await using var content = photo.Content;
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        return new OrderPhoto(buffer.ToArray(), photo.ContentType);
    }
}
