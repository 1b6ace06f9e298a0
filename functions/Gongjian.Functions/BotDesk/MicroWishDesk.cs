using System.Security.Cryptography;
using System.Text;
using Gongjian.Bot.Desk;
using Gongjian.Domain.Orders;
using Gongjian.Domain.Privacy;
using Gongjian.Domain.Privacy.FreeText;
using Gongjian.Domain.Wishes;
using Gongjian.Engine;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;
using Gongjian.Functions.Wishes;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// The bot's way into the 微心愿 module: the same store and rules as <c>POST /api/wishes</c> and the resident's
/// actions there (<see cref="SubmitWishFunction"/>, withdraw, confirm), the resident known by the tracking code.
/// </summary>
public sealed class MicroWishDesk(WishStore store, WishModule rules, CommunityDirectory directory, IdempotencyStore idempotency, TimeProvider clock) : IMicroWishDesk
{
    private const string NotFound = "心愿不存在，请检查心愿编号。";

    public async Task<DeskResult<PostedMicroWish>> PostAsync(MicroWishPost post, CancellationToken ct)
    {
        if (!(await directory.GetAsync(ct)).Communities.TryGetValue(post.CommunityId, out var community))
            return DeskResult<PostedMicroWish>.Refused("社区不存在，请重新选择社区。");
        if (community.IsRetired) return DeskResult<PostedMicroWish>.Refused($"{community.Name}已停止受理，请重新选择社区。");
        var now = clock.GetUtcNow();
        SubmitWish Build(string wishId, string code) => new()
        {
            By = WishActors.Resident, WishId = wishId, CommunityId = community.Id, StreetId = community.StreetId, Category = post.Category, Text = post.Text,
            Contact = new WishContact(post.ContactName ?? "居民", post.Phone), TrackingCodeHash = WishAccess.Hash(code), Nickname = post.Nickname,
        };
        var (id, trackingCode) = (WishAccess.NewId(now), OrderIds.NewTrackingCode());
        if (rules.Decide(WishState.Initial, Build(id, trackingCode), now).Rejection is { } invalid) return DeskResult<PostedMicroWish>.Refused(invalid.Message);

        // The draft id with its content: the same wish confirmed twice is one wish; a revised one is a new key.
        var content = Fingerprint(post);
        var key = IdempotencyKey.ForBotDraft($"wish:{post.DraftId}:{content}");
        var reservation = await idempotency.ReserveAsync(key, content, id, trackingCode, ct);
        (id, trackingCode) = (reservation.OrderId, reservation.TrackingCode);
        var command = Build(id, trackingCode);
        if (reservation.Earlier && await store.LoadAsync(id, ct) is { } earlier && earlier.State.TrackingCodeHash == command.TrackingCodeHash)
            return DeskResult<PostedMicroWish>.Ok(new PostedMicroWish(id, trackingCode));
        var outcome = await store.ExecuteAsync(id, command, ct, expectNew: true);
        if (outcome.Rejection is { } r && !(r.Code == "wish_exists" && outcome.State.TrackingCodeHash == command.TrackingCodeHash))
            return DeskResult<PostedMicroWish>.Refused(r.Message);
        return DeskResult<PostedMicroWish>.Ok(new PostedMicroWish(id, trackingCode));
    }

    public async Task<IReadOnlyList<MicroWishSummary>> StatusAsync(IReadOnlyList<(string WishId, string TrackingCode)> wishes, CancellationToken ct)
    {
        var found = await Task.WhenAll(wishes.DistinctBy(w => w.WishId).Select(w => WithCodeAsync(w.WishId, w.TrackingCode, ct)));
        return [.. found.Where(f => f.Found is not null).Select(f => Summarize(f.Found!.State))];
    }

    public async Task<DeskResult<MicroWishSummary>> FindAsync(string wishId, string trackingCode, CancellationToken ct) =>
        await WithCodeAsync(wishId, trackingCode, ct) is var (found, refusal) && refusal is null
            ? DeskResult<MicroWishSummary>.Ok(Summarize(found!.State)) : DeskResult<MicroWishSummary>.Refused(refusal!);

    public Task<DeskResult<MicroWishSummary>> WithdrawAsync(string wishId, string trackingCode, CancellationToken ct) =>
        AsResidentAsync(wishId, trackingCode, new WithdrawWish { By = WishActors.Resident, Reason = "居民在聊天中撤回" }, ct, state => state.Status switch
        {
            // Said as a resident would understand it (the rules say "心愿当前为“已认领”，不能撤回").
            WishStatus.Claimed or WishStatus.Fulfilled or WishStatus.Confirmed => "这个心愿已经有人认领了，不能再撤回。如有变化，请联系社区工作人员。",
            WishStatus.Withdrawn => "这个心愿已经撤回了。",
            WishStatus.Rejected => "这个心愿没有通过审核，不会发布，不需要撤回。",
            _ => null,
        });

    public Task<DeskResult<MicroWishSummary>> ConfirmAsync(string wishId, string trackingCode, CancellationToken ct) =>
        AsResidentAsync(wishId, trackingCode, new ConfirmWish { By = WishActors.Resident }, ct);

    /// <param name="plainly">A refusal in the resident's words for the state the wish is in, where the rules' would read stiffly.</param>
    private async Task<DeskResult<MicroWishSummary>> AsResidentAsync(
        string wishId, string trackingCode, WishCommand command, CancellationToken ct, Func<WishState, string?>? plainly = null)
    {
        var (found, refusal) = await WithCodeAsync(wishId, trackingCode, ct);
        if (refusal is not null) return DeskResult<MicroWishSummary>.Refused(refusal);
        var outcome = await store.ExecuteAsync(wishId, command, ct, found);
        return outcome.Rejection is { } r
            ? DeskResult<MicroWishSummary>.Refused(plainly?.Invoke(outcome.State) ?? r.Message)
            : DeskResult<MicroWishSummary>.Ok(Summarize(outcome.State));
    }

    /// <summary>The wish as stored (read fresh), if the code is its own.</summary>
    private async Task<(Loaded<WishState>? Found, string? Refusal)> WithCodeAsync(string wishId, string trackingCode, CancellationToken ct)
    {
        var loaded = WishAccess.IsWellFormed(wishId) ? await store.LoadAsync(wishId, ct) : null;
        if (loaded is null) return (null, NotFound);
        var given = Encoding.ASCII.GetBytes(WishAccess.Hash(trackingCode));
        return CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(loaded.State.TrackingCodeHash)) ? (loaded, null) : (null, "查询码不正确。");
    }

    /// <summary>The resident's own words, shortened, with their phone and name taken out (a chat transcript is kept for a while).</summary>
    private static MicroWishSummary Summarize(WishState s)
    {
        var line = FreeTextRedactor.Redact(s.Text.ReplaceLineEndings(" ").Trim(), new KnownPersonalData(s.Contact?.Name, null, s.Contact?.Phone));
        return new MicroWishSummary(s.Id, line.Length <= 20 ? line : line[..20] + "…", s.Status.Code(), s.Claimer?.PublicName,
            s.Status == WishStatus.Rejected ? s.Reason : null);
    }

    private static string Fingerprint(MicroWishPost p) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
        [p.Text, p.Category, p.CommunityId, p.Nickname ?? "", p.Phone, p.ContactName ?? ""]))));
}
