using Gongjian.Bot.Activities;
using Gongjian.Bot.WeChat;

namespace Gongjian.Bot.Tests.WeChat;

/// <summary>How the bot's messages read as WeChat text: cards as lines, buttons as 菜单链接 that send their words back.</summary>
public sealed class WeChatTextTests
{
    [Fact]
    public void A_hero_card_becomes_lines_with_its_buttons_as_menu_links_sending_the_command()
    {
        var card = new HeroCard("新工单：设施维修", "工单号：GJ261207-ABCDEF", "三楼楼道灯坏了",
            [Buttons.MessageBack("接单", "接单 GJ261207-ABCDEF", new CardActionData("accept", "GJ261207-ABCDEF")), Buttons.ImBack("帮助")]);
        var text = WeChatText.Render(new Activity { Type = ActivityTypes.Message, Text = "您有一张新工单：", Attachments = [card.ToAttachment()] });
        Assert.Equal("您有一张新工单：\n【新工单：设施维修】\n工单号：GJ261207-ABCDEF\n三楼楼道灯坏了\n" +
            "<a href=\"weixin://bizmsgmenu?msgmenucontent=接单 GJ261207-ABCDEF&msgmenuid=1\">接单</a>  " +
            "<a href=\"weixin://bizmsgmenu?msgmenucontent=帮助&msgmenuid=2\">帮助</a>", text);
    }

    [Fact]
    public void An_adaptive_card_reads_as_its_fallback_and_string_submits_become_links()
    {
        var card = AdaptiveCards.Facts("请确认您的诉求", [("问题", "楼道灯坏了"), ("电话", "13805381234")], ["确认提交", "修改"]);
        var text = WeChatText.Render(new Activity { Type = ActivityTypes.Message, Attachments = [card] });
        Assert.StartsWith("请确认您的诉求\n问题：楼道灯坏了\n电话：13805381234\n", text);
        Assert.Contains("msgmenucontent=确认提交&msgmenuid=1\">确认提交</a>", text);
    }

    [Fact]
    public void Markup_in_words_cannot_break_out_of_a_link_and_long_texts_are_cut_within_wechats_limit()
    {
        Assert.Equal("<a href=\"weixin://bizmsgmenu?msgmenucontent=ab＆c&msgmenuid=1\">ab＆c</a>", WeChatText.Link("a\"<b>&c", "a\"<b>&c", 1));
        var text = WeChatText.Render(new Activity { Type = ActivityTypes.Message, Text = new string('灯', 1000) });
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(text) <= WeChatText.MaxBytes);
        Assert.EndsWith("…", text);
    }

    [Fact]
    public void A_subscription_thing_is_the_first_line_without_links_in_at_most_20_characters()
    {
        Assert.Equal("您的诉求已由泰山宝盛置业有限公司接单，…", WeChatOutbox.Thing("您的诉求已由泰山宝盛置业有限公司接单，正在办理中。\n<a href=\"x\">查进度</a>"));
        Assert.Equal("已办结", WeChatOutbox.Thing("<a href=\"x\">已办结</a>"));
    }
}
