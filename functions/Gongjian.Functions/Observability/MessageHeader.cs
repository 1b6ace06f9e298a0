using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Gongjian.Functions.Observability;

/// <summary>
/// The two top-level properties of a queue message that telemetry needs — <c>correlationId</c> and,
/// for timer messages, <c>fireAt</c> — read with a forward-only reader that skips everything else and
/// stops once both are seen. A message that is not a JSON object (or is malformed) simply has neither:
/// telemetry must never be the reason a message fails.
/// </summary>
public readonly record struct MessageHeader(string? CorrelationId, DateTimeOffset? FireAt)
{
    public static MessageHeader Read(string? message)
    {
        if (string.IsNullOrEmpty(message) || message[0] != '{') return default;
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(message.Length));
        try
        {
            return Read(buffer.AsSpan(0, Encoding.UTF8.GetBytes(message, buffer)));
        }
        catch (JsonException)
        {
            return default;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static MessageHeader Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return default;
        string? correlation = null;
        DateTimeOffset? fireAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && (correlation is null || fireAt is null))
        {
            var isCorrelation = reader.ValueTextEquals("correlationId"u8) || reader.ValueTextEquals("CorrelationId"u8);
            var isFireAt = reader.ValueTextEquals("fireAt"u8) || reader.ValueTextEquals("FireAt"u8);
            reader.Read();
            if (isCorrelation && reader.TokenType == JsonTokenType.String) correlation = CorrelationIds.ValidOrNull(reader.GetString());
            else if (isFireAt && reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var at)) fireAt = at;
            else reader.Skip();
        }
        return new MessageHeader(correlation, fireAt);
    }
}
