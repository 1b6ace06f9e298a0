using Gongjian.Bot.WeChat;

namespace Gongjian.Bot.Tests.WeChat;

/// <summary>WeChat's XML is read without DTDs, entities or unbounded size, and written with CDATA that cannot be broken out of.</summary>
public sealed class WeChatXmlTests
{
    [Fact]
    public void A_text_message_is_read_field_by_field()
    {
        var f = WeChatXml.Read("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o-1]]></FromUserName><CreateTime>1348831860</CreateTime>" +
            "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[楼道灯坏了 <b>&amp;</b>]]></Content><MsgId>1234567890123456</MsgId></xml>");
        Assert.NotNull(f);
        Assert.Equal("楼道灯坏了 <b>&amp;</b>", f["Content"]);
        Assert.Equal("1234567890123456", f["MsgId"]);
    }

    [Fact]
    public void Nested_event_fields_are_kept_under_their_path()
    {
        var f = WeChatXml.Read("<xml><MsgType>event</MsgType><SubscribeMsgPopupEvent><List><TemplateId>t1</TemplateId>" +
            "<SubscribeStatusString>accept</SubscribeStatusString></List></SubscribeMsgPopupEvent></xml>");
        Assert.Equal("accept", f!["SubscribeMsgPopupEvent/List/SubscribeStatusString"]);
    }

    [Theory]
    [InlineData("<!DOCTYPE xml [<!ENTITY x \"boom\">]><xml><Content>&x;</Content></xml>")]
    [InlineData("<!DOCTYPE xml SYSTEM \"file:///etc/passwd\"><xml><Content>a</Content></xml>")]
    [InlineData("<xml><Content>&xxe;</Content></xml>")]
    [InlineData("<root><Content>a</Content></root>")]
    [InlineData("<xml><Content>a</Content><Content>b</Content></xml>")]
    [InlineData("<xml><Content>a</Content>")]
    [InlineData("not xml")]
    [InlineData("")]
    public void Dtds_entities_other_roots_repeated_fields_and_broken_xml_are_refused(string xml) => Assert.Null(WeChatXml.Read(xml));

    [Fact]
    public void Oversized_documents_are_refused() =>
        Assert.Null(WeChatXml.Read("<xml><Content>" + new string('a', WeChatXml.MaxChars) + "</Content></xml>"));

    [Fact]
    public void Written_cdata_survives_a_closing_sequence_in_the_text()
    {
        var xml = WeChatXml.Write([("Content", "a]]><x>b", true), ("CreateTime", "1", false)]);
        var f = WeChatXml.Read(xml);
        Assert.Equal("a]]><x>b", f!["Content"]);
        Assert.Equal("1", f["CreateTime"]);
    }
}
