using System.Security.Cryptography;
using System.Text;
using Gongjian.Bot.Desk;
using Gongjian.Domain.Deliberations;
using Gongjian.Domain.Orders;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Deliberations;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Storage;

namespace Gongjian.Functions.BotDesk;

/// <summary>
/// The bot's way into the 议事 module: the same store and rules as <c>POST /api/deliberations/public</c> and
/// <c>GET /api/deliberations/{id}/progress</c>, the resident known by the tracking code. The chat's draft id is the
/// command's message id, so a topic confirmed twice (a retried turn) is raised once.
/// </summary>
public sealed class DeliberationDesk(DeliberationStore store, MessageInstanceIds ids, CommunityDirectory directory, TimeProvider clock) : IDeliberationDesk
{
    public async Task<DeskResult<RaisedTopic>> RaiseAsync(TopicRaise raise, CancellationToken ct)
    {
        if (!(await directory.GetAsync(ct)).Communities.TryGetValue(raise.CommunityId, out var community) || community.IsRetired)
            return DeskResult<RaisedTopic>.Refused("社区不存在或已停止受理，请重新选择社区。");
        var (title, description) = Split(raise.Text);
        var code = OrderIds.NewTrackingCode();
        Gongjian.Engine.Outcome<DeliberationState, DeliberationEvent> outcome;
        try
        {
            outcome = await DeliberationRaising.RaiseAsync(null, store, ids, new RaiseTopic
            {
                By = DeliberationAccess.Resident, DeliberationId = "", CommunityId = community.Id, StreetId = community.StreetId, Title = title,
                Description = description, Source = TopicSource.Resident, Contact = new Contact(raise.Name, raise.Phone), TrackingCodeHash = DeliberationAccess.Hash(code),
            }, clock, messageId: "chat-" + raise.DraftId, ct);
        }
        catch (Http.ApiProblem problem) { return DeskResult<RaisedTopic>.Refused(problem.Title); }
        var id = outcome.State.Id;
        // A replayed turn: the code given the first time is the one that works; this one is not stored.
        return outcome.Replayed
            ? DeskResult<RaisedTopic>.Refused("这个议题已经提交过了，请用当时的查询码查看进度。")
            : DeskResult<RaisedTopic>.Ok(new RaisedTopic(id, code, outcome.State.Title));
    }

    public async Task<DeskResult<TopicProgress>> ProgressAsync(string deliberationId, string code, CancellationToken ct)
    {
        var s = DeliberationAccess.IsWellFormed(deliberationId) ? (await store.LoadAsync(deliberationId, ct))?.State : null;
        if (s is null) return DeskResult<TopicProgress>.Refused("议题不存在。");
        if (s.TrackingCodeHash is not { } hash
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(DeliberationAccess.Hash(code)), Encoding.ASCII.GetBytes(hash)))
            return DeskResult<TopicProgress>.Refused("查询码不正确。");
        var p = DeliberationProgressFunction.ProgressOf(s);
        return DeskResult<TopicProgress>.Ok(new TopicProgress(s.Id, s.Title, p.StatusText, p.StepName, p.Message));
    }

    /// <summary>The first sentence (at most the title's length) is the title; the whole text the description.</summary>
    public static (string Title, string Description) Split(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOfAny(['。', '！', '？', '\n', '.', '!', '?', '，', ',']);
        var title = (end > 0 ? trimmed[..end] : trimmed).Trim();
        if (title.Length > DeliberationLimits.TitleMax) title = title[..(DeliberationLimits.TitleMax - 1)] + "…";
        return (title, trimmed);
    }
}
