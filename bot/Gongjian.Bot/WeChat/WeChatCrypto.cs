using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Gongjian.Bot.WeChat;

/// <summary>Why an encrypted WeChat message could not be opened.</summary>
public enum WeChatCryptoFailure { None, NotBase64, BadLength, BadPadding, BadFrame, WrongApp }

/// <summary>
/// 消息加解密 (safe mode) with .NET's own AES: key = Base64(EncodingAESKey + "="), 32 bytes; AES-256-CBC
/// with the key's first 16 bytes as IV; PKCS#7 padding to a multiple of 32 bytes; plaintext = 16 random
/// bytes + message length (4 bytes, network order) + message (UTF-8) + AppID (the WeCom CorpID for WeCom).
/// </summary>
public sealed class WeChatCrypto
{
    public const int BlockSize = 32;
    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _appId;

    public WeChatCrypto(string encodingAesKey, string appId)
    {
        _key = KeyOf(encodingAesKey) ?? throw new ArgumentException("EncodingAESKey must be 43 Base64 characters (32 bytes).", nameof(encodingAesKey));
        _iv = _key[..16];
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    /// <summary>The 32-byte key of a 43-character EncodingAESKey, or null when it is not one.</summary>
    public static byte[]? KeyOf(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 }) return null;
        var key = new byte[33];
        return Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) && written == 32 ? key[..32] : null;
    }

    public string Encrypt(string message, ReadOnlySpan<byte> random16 = default)
    {
        var text = Encoding.UTF8.GetBytes(message);
        var plainLength = 16 + 4 + text.Length + _appId.Length;
        var pad = BlockSize - plainLength % BlockSize;
        var plain = new byte[plainLength + pad];
        if (random16.Length == 16) random16.CopyTo(plain);
        else RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), text.Length);
        text.CopyTo(plain, 20);
        _appId.CopyTo(plain, 20 + text.Length);
        plain.AsSpan(plainLength).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _iv, PaddingMode.None));
    }

    public WeChatCryptoFailure TryDecrypt(string encrypted, out string message)
    {
        message = "";
        var cipher = new byte[encrypted.Length];
        if (!Convert.TryFromBase64String(encrypted, cipher, out var length)) return WeChatCryptoFailure.NotBase64;
        if (length < BlockSize || length % 16 != 0) return WeChatCryptoFailure.BadLength;
        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(cipher.AsSpan(0, length), _iv, PaddingMode.None);
        int pad = plain[^1];
        if (pad is < 1 or > BlockSize || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad)) return WeChatCryptoFailure.BadPadding;
        var body = plain.AsSpan(0, plain.Length - pad);
        if (body.Length < 20) return WeChatCryptoFailure.BadFrame;
        var textLength = BinaryPrimitives.ReadInt32BigEndian(body.Slice(16, 4));
        if (textLength < 0 || textLength > body.Length - 20) return WeChatCryptoFailure.BadFrame;
        var appId = body[(20 + textLength)..];
        if (!appId.SequenceEqual(_appId)) return WeChatCryptoFailure.WrongApp;
        try { message = new UTF8Encoding(false, true).GetString(body.Slice(20, textLength)); }
        catch (DecoderFallbackException) { return WeChatCryptoFailure.BadFrame; }
        return WeChatCryptoFailure.None;
    }
}
