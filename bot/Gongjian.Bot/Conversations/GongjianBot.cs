using Gongjian.Bot.Activities;
using Gongjian.Bot.Conversations.Grid;
using Gongjian.Bot.Conversations.Liaison;
using Gongjian.Bot.Conversations.MicroWishes;
using Gongjian.Bot.Conversations.Resident;

namespace Gongjian.Bot.Conversations;

/// <summary>
/// The bot's turn: global interruptions first (取消, 帮助, 查进度, binding, card buttons), then the
/// step the conversation is in. Residents, liaisons and grid workers share one bot; a conversation bound to a unit is a
/// liaison's, one bound to a grid worker is that worker's (随手拍, <see cref="GridReportDialog"/>).
/// </summary>
public sealed class GongjianBot(
    WishDialog wish, ProgressDialog progress, RatingDialog rating, BindingDialog binding, LiaisonDialog liaison, MicroWishDialog microWish, ProjectDialog projects,
    CommunityLife life, Deliberations.TopicDialog topics, GridReportDialog gridReports)
{
    public async Task<TurnResult> OnTurnAsync(Turn turn, CancellationToken ct) => turn.Activity.Type switch
    {
        ActivityTypes.ConversationUpdate when (turn.Activity.MembersAdded ?? []).Any(m => m.Id != turn.Activity.Recipient?.Id) => Greet(turn.Data),
        ActivityTypes.Message => await OnMessageAsync(turn, ct),
        _ => new TurnResult(turn.Data, []),
    };

    private async Task<TurnResult> OnMessageAsync(Turn turn, CancellationToken ct)
    {
        var intent = Intents.Parse(turn.Text, turn.Activity.Value);
        var data = turn.Data;
        switch (intent.Kind)
        {
            case IntentKind.Cancel:
                return data.Step is Idle
                    ? TurnResult.Say(data, new Reply(Texts.NothingToCancel, Menu(data)))
                    : TurnResult.Say(data with { Step = Idle.Instance }, new Reply(Texts.Cancelled, Menu(data)));
            case IntentKind.Help:
                return TurnResult.Say(data, [new Reply(data.GridWorker is not null ? GridReportTexts.Help : data.Unit is null ? Texts.HelpText : Texts.LiaisonHelp, Menu(data)),
                    .. await RepeatAsync(turn, ct)]);
            // A grid worker's chat is for 随手拍 and 我的上报 (查进度 too): everything but binding is that dialog's.
            case not (IntentKind.Bind or IntentKind.Unbind) when data.GridWorker is not null:
                return await gridReports.OnMessageAsync(turn, ct);
            case IntentKind.Progress:
                return TurnResult.Say(data, [await progress.ProgressAsync(data, ct), .. await RepeatAsync(turn, ct)]);
            case IntentKind.Bind:
                return await binding.BindAsync(turn, intent.Code!, ct);
            case IntentKind.Unbind:
                return await binding.UnbindAsync(turn, ct);
            case IntentKind.Accept:
                return await liaison.AcceptAsync(turn, intent.OrderId!, ct);
            case IntentKind.Decline:
                return LiaisonDialog.AskDeclineReason(turn, intent.OrderId!);
            case IntentKind.Complete when data.Step is not CompletingOrder:
                return LiaisonDialog.BeginComplete(turn, intent.OrderId);
            case IntentKind.Complete:
                return TurnResult.Say(data, [.. await RepeatAsync(turn, ct)]);
            case IntentKind.Track:
                return await progress.TrackAsync(turn, intent.OrderId!, intent.Code!, ct);
            // 微心愿: following, withdrawing and confirming interrupt whatever else is going on, like 查进度.
            case IntentKind.MyMicroWishes:
                return TurnResult.Say(data, [await microWish.ProgressAsync(data, ct), .. await RepeatAsync(turn, ct)]);
            case IntentKind.TrackMicroWish:
                return await microWish.TrackAsync(turn, intent.OrderId!, intent.Code!, ct);
            case IntentKind.WithdrawMicroWish:
                return TurnResult.Say(data, [await microWish.WithdrawAsync(data, intent.OrderId!, ct), .. await RepeatAsync(turn, ct)]);
            case IntentKind.ConfirmMicroWish:
                return TurnResult.Say(data, [await microWish.ConfirmFulfilledAsync(data, intent.OrderId!, ct), .. await RepeatAsync(turn, ct)]);
            // 项目认领 (liaisons): the list, a project's 认领协议 form, and the form sent back.
            case IntentKind.ListProjects:
                return await projects.ListAsync(turn with { Data = data.Step is ClaimingProject ? data with { Step = Idle.Instance } : data }, ct);
            case IntentKind.ShowProject:
                return await projects.ShowFormAsync(turn, intent.OrderId!, ct);
            case IntentKind.ClaimProject:
                return await projects.ClaimFromCardAsync(turn, intent.OrderId!, ct);
        }
        if (GridReportDialog.AsksForMine(turn.Text)) return TurnResult.Say(data, [new Reply(GridReportTexts.NotGridWorker, Menu(data)), .. await RepeatAsync(turn, ct)]);
        // 议事: 我的议题 interrupts like 查进度; 我想提个议题 starts a topic (a resident's, not a bound liaison's).
        if (intent.Kind == IntentKind.MyTopics) return TurnResult.Say(data, [await topics.ProgressAsync(data, ct), .. await RepeatAsync(turn, ct)]);
        if (intent.Kind == IntentKind.RaiseTopic && data.Unit is null) return await topics.StartAsync(turn, intent.Code, ct);
        // 活动, 预约, 双报到: their commands interrupt like 查进度; their steps are answered below.
        if (await life.OnIntentAsync(turn, intent, RepeatAsync, ct) is { } lifeTurn) return lifeTurn;
        if (data.Unit is null && WishDialog.TakesPhotos(data.Step) && SharedPlace.From(turn.Activity) is { } place)
            return await wish.PlaceSharedAsync(turn, place, ct);
        if (data.Unit is null && WishDialog.TakesPhotos(data.Step) && PhotoReader.Files(turn.Activity).Count > 0)
            return await wish.PhotosAsync(turn, ct);
        if (data.Step is not CompletingOrder && PhotoReader.Files(turn.Activity).Count > 0)
            return TurnResult.Say(data, PhotoReader.Files(turn.Activity).All(f => f.ContentType!.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
                ? data.Unit is null ? Texts.ResidentPhotoNotExpected : Texts.PhotoNotExpected
                : Texts.UnsupportedAttachment);
        if (data.Unit is null && data.Step is not (ConfirmingWish or CollectingWish { Asking: WishSlot.Name } or PostingMicroWish { Asking: MicroWishSlot.Nickname })
            && !CommunityLife.TakesName(data.Step) && data.Step is not Deliberations.RaisingTopic { Asking: Deliberations.TopicSlot.Name or Deliberations.TopicSlot.Text }
            && ResidentName.Introduction(turn.Text) is { } name)
            return await IntroducedAsync(turn, name, ct);
        if (SmallTalk.Read(turn.Text) is { } talk && TakesSmallTalk(data.Step, talk))
            return await SmallTalkAsync(turn, talk, ct);
        if (await life.OnStepAsync(turn, ct) is { } lifeStep) return lifeStep;

        return data.Step switch
        {
            CollectingWish s => await wish.AnswerAsync(turn, s, ct),
            ConfirmingWish s => await wish.ConfirmAsync(turn, s, ct),
            ChoosingRevision s => await wish.ReviseAsync(turn, s, ct),
            RatingOrder s => await rating.AnswerAsync(turn, s, ct),
            ReopeningOrder s => await rating.ReopenAsync(turn, s, ct),
            DecliningOrder s => await liaison.DeclineAsync(turn, s, ct),
            CompletingOrder s => await liaison.CompleteAsync(turn, s, ct),
            PostingMicroWish s => await microWish.AnswerAsync(turn, s, ct),
            ConfirmingMicroWish s => await microWish.ConfirmAsync(turn, s, ct),
            ClaimingProject s => await projects.AnswerAsync(turn, s, ct),
            Deliberations.RaisingTopic s => await topics.AnswerAsync(turn, s, ct),
            _ => await IdleAsync(turn, intent, ct),
        };
    }

    private async Task<TurnResult> IdleAsync(Turn turn, Intent intent, CancellationToken ct) => intent.Kind switch
    {
        IntentKind.Greeting => Greet(turn.Data),
        IntentKind.PlaceOrder => await wish.StartAsync(turn, ct),
        IntentKind.PostMicroWish when turn.Data.Unit is null => await microWish.StartAsync(turn),
        IntentKind.MyRatings => await rating.MyRatingsAsync(turn, ct),
        IntentKind.CancelOrder => TurnResult.Say(turn.Data, await progress.CancelOrderAsync(turn.Data, intent.OrderId!, ct)),
        // A button of a summary card answered before (cards stay on the screen) is not a new wish.
        _ when turn.Data.Unit is null && Intents.Bare(turn.Text) is Texts.Submit or Texts.Revise => TurnResult.Say(turn.Data, new Reply(WishTexts.NothingToConfirm, Texts.Menu)),
        // A few words that are not a command are taken as a wish; a bound liaison is not placing orders.
        _ when turn.Data.Unit is null && Intents.Bare(turn.Text).Length >= 4 => await wish.FromTextAsync(turn, ct),
        _ => TurnResult.Say(turn.Data, new Reply(turn.Data.Unit is null ? Texts.NotUnderstood : Texts.LiaisonHelp, Menu(turn.Data))),
    };

    /// <summary>"我叫王建国", "我姓王", "王阿姨": remembered for this and later wishes (the order's contact name), then the conversation goes on.</summary>
    private async Task<TurnResult> IntroducedAsync(Turn turn, string name, CancellationToken ct)
    {
        var data = turn.Data with
        {
            Name = name,
            NameAsked = true,
            Step = turn.Data.Step switch
            {
                CollectingWish s => s with { Draft = s.Draft with { ContactName = name } },
                ChoosingRevision s => s with { Draft = s.Draft with { ContactName = name } },
                var other => other,
            },
        };
        if (data.Step is Idle) return TurnResult.Say(data, new Reply(WishTexts.NameNoted(name) + Texts.HowCanIHelp, Texts.Menu));
        return TurnResult.Say(data, [WishTexts.NameNoted(name), .. await RepeatAsync(turn with { Data = data }, ct)]);
    }

    /// <summary>Where a short word is small talk rather than the answer: 好的 confirms the summary card, a comment after the stars may be 谢谢.</summary>
    private static bool TakesSmallTalk(DialogStep step, SmallTalkKind talk) => step switch
    {
        ConfirmingWish or ConfirmingMicroWish or ConfirmingBooking => talk != SmallTalkKind.Okay,
        RatingOrder { Stars: not null } => false,
        _ => true,
    };

    private async Task<TurnResult> SmallTalkAsync(Turn turn, SmallTalkKind talk, CancellationToken ct)
    {
        var data = turn.Data;
        if (data.Step is Idle)
        {
            // 你好 from someone the bot knows nothing about yet gets the full greeting with the menu; a liaison always does.
            if (talk is SmallTalkKind.Hello or SmallTalkKind.Present && data.Unit is not null
                || talk == SmallTalkKind.Hello && data.Orders.Count == 0 && data.Name is null) return Greet(data);
            return TurnResult.Say(data, new Reply(SmallTalk.Answer(talk, data, busy: false), Menu(data)));
        }
        var answer = SmallTalk.Answer(talk, data, busy: true);
        if (talk == SmallTalkKind.Bye) return TurnResult.Say(data, answer);
        if (data.Step is ConfirmingWish) return TurnResult.Say(data, answer + WishTexts.ConfirmOrRevise);
        if (data.Step is ConfirmingMicroWish) return TurnResult.Say(data, answer + MicroWishTexts.ConfirmOrRevise);
        return TurnResult.Say(data, [answer, .. await RepeatAsync(turn, ct)]);
    }

    /// <summary>After an interruption, the question the conversation was waiting on is asked again.</summary>
    private async Task<IReadOnlyList<Reply>> RepeatAsync(Turn turn, CancellationToken ct) => turn.Data.Step switch
    {
        Idle => [],
        ConfirmingWish s => [WishCard.Summary(s.Draft)],
        CollectingWish s => [await wish.AskAgainAsync(s, ct)],
        ChoosingRevision => [new Reply(WishTexts.AskRevision, WishTexts.RevisionChoices)],
        RatingOrder { Stars: null } => [new Reply(ResidentTexts.AskStars, [.. Texts.Stars, Texts.Reopen])],
        RatingOrder => [new Reply(ResidentTexts.AskComment, [Texts.Skip])],
        ReopeningOrder => [ResidentTexts.AskReopenReason],
        DecliningOrder => [LiaisonTexts.AskDeclineReason],
        CompletingOrder { Note: null } => [LiaisonTexts.AskNote],
        PostingMicroWish s => [await microWish.AskAgainAsync(s, ct)],
        ConfirmingMicroWish s => [MicroWishCard.Summary(s.Draft)],
        ClaimingProject s => [ProjectDialog.Repeat(s)],
        CompletingOrder => [LiaisonTexts.AskPhoto],
        Deliberations.RaisingTopic s => [await topics.RepeatAsync(s, ct)],
        FilingGridReport s => [gridReports.Ask(s)],
        _ => await life.RepeatAsync(turn.Data, ct) is { } again ? [again] : [],
    };

    private static TurnResult Greet(ConversationData data) =>
        data.GridWorker is { } worker ? TurnResult.Say(data, new Reply(GridReportTexts.Greeting(worker.GridName), GridReportTexts.Menu))
        : data.Unit is { } unit ? TurnResult.Say(data, new Reply(Texts.LiaisonGreeting(unit.UnitName), Texts.LiaisonMenu))
        : TurnResult.Say(data, new Reply(Texts.Greeting, Texts.Menu));

    private static string[] Menu(ConversationData data) => data.GridWorker is not null ? GridReportTexts.Menu : data.Unit is null ? Texts.Menu : Texts.LiaisonMenu;
}
