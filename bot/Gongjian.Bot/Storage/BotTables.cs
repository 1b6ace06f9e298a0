using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace Gongjian.Bot.Storage;

/// <summary>
/// The bot's tables, made by the host app (which knows the account and the name prefix):
/// Direct Line transcripts, conversation state (with inbound dedupe rows), links from units and
/// orders to conversations (and binding codes), and the notification delivery ledger.
/// </summary>
public sealed record BotTables(TableClient Transcripts, TableClient State, TableClient Links, TableClient Deliveries)
{
    public const string TranscriptsName = "botconversations";
    public const string StateName = "botstate";
    public const string LinksName = "botlinks";
    public const string DeliveriesName = "botdeliveries";
}

public static class TableKeys
{
    /// <summary>
    /// A key-safe, fixed-length stand-in for ids that come from channels (they may hold characters
    /// Tables refuse in keys, such as '/', '#' or '?').
    /// </summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
}
