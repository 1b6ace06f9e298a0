using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Gongjian.Functions.Http;
using Gongjian.Functions.Storage;
using Gongjian.Media;

namespace Gongjian.Functions.Photos;

/// <summary>
/// Order photos in the private <c>photos</c> container as <c>{orderId}/{photoId}.{ext}</c>.
/// Every photo is checked by content and stripped of EXIF/GPS before it is stored; only the
/// sanitized bytes ever reach storage. Each upload is first written to the <see cref="PhotoUploads"/>
/// ledger, so a photo whose order never names it is found and deleted later.
/// </summary>
public sealed class PhotoStore(StorageClients storage, PhotoUploads uploads, TimeProvider clock)
{
    private const long MaxPixels = 60_000_000;
    private readonly BlobContainerClient _container = storage.Photos;

    /// <summary>Decodes, checks and sanitizes base64 photos; throws a 4xx problem naming the bad one.</summary>
    public static IReadOnlyList<SanitizedPhoto> Prepare(IReadOnlyList<string>? base64Photos, string field)
    {
        if (base64Photos is null || base64Photos.Count == 0) return [];
        if (base64Photos.Count > Domain.Orders.OrderLimits.PhotosMax)
            throw ApiProblem.BadRequest("too_many_photos", $"照片最多 {Domain.Orders.OrderLimits.PhotosMax} 张。", field);
        var prepared = new List<SanitizedPhoto>(base64Photos.Count);
        for (var i = 0; i < base64Photos.Count; i++)
        {
            var name = $"{field}[{i}]";
            var text = base64Photos[i] ?? "";
            if (text.Length > PhotoLimits.DefaultMaxBytes / 3 * 4 + 8)
                throw ApiProblem.TooLarge("photo_too_large", "照片不能超过 10 MB，请压缩后重新上传。", name);
            var bytes = new byte[text.Length];
            if (!Convert.TryFromBase64String(text, bytes, out var length))
                throw ApiProblem.BadRequest("invalid_photo_encoding", "照片需以 Base64 编码提交。", name);
            var photo = PhotoSanitizer.Sanitize(bytes.AsSpan(0, length));
            if (!photo.IsAccepted)
                throw photo.Inspection.Rejection == PhotoRejection.TooLarge
                    ? ApiProblem.TooLarge("photo_too_large", "照片不能超过 10 MB，请压缩后重新上传。", name)
                    : ApiProblem.BadRequest($"photo_{photo.Inspection.ReasonCode}", photo.Inspection.Rejection!.Value.Message(), name);
            // A small file can still decode to a huge bitmap in a viewer; 60 MP is above any phone camera.
            if ((long)photo.Inspection.Width * photo.Inspection.Height > MaxPixels)
                throw ApiProblem.BadRequest("photo_too_many_pixels", "照片分辨率过高，请缩小后重新上传。", name);
            prepared.Add(photo);
        }
        return prepared;
    }

    /// <param name="stem">
    /// Names photo <c>i</c> (16 hex digits) when a retry must write the same blobs; by default every photo gets a random name.
    /// </param>
    public async Task<IReadOnlyList<string>> SaveAsync(
        string orderId, IReadOnlyList<SanitizedPhoto> photos, CancellationToken ct, Func<int, string>? stem = null)
    {
        stem ??= _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var ids = photos.Select((p, i) => $"{stem(i)}{p.Inspection.Format!.Value.FileExtension()}").ToList();
        await uploads.RecordAsync(orderId, ids, clock.GetUtcNow(), ct);
        await Task.WhenAll(photos.Select((p, i) => UploadAsync(_container.GetBlobClient(BlobName(orderId, ids[i])), p, ct)));
        return ids;
    }

    /// <summary>Where an order's photo lives in the <c>photos</c> container.</summary>
    public static string BlobName(string orderId, string photoId) => $"{orderId}/{photoId}";

    /// <summary>Writes checked, sanitized bytes with their content type (orders' photos and staged chat photos alike).</summary>
    public static Task UploadAsync(BlobClient blob, SanitizedPhoto photo, CancellationToken ct) =>
        blob.UploadAsync(
            BinaryData.FromBytes(photo.Bytes),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = photo.Inspection.Format!.Value.ContentType() } },
            ct);

    /// <summary>Deletes one photo; false when it was not there.</summary>
    public async Task<bool> DeleteAsync(string orderId, string photoId, CancellationToken ct) =>
        (await _container.GetBlobClient(BlobName(orderId, photoId)).DeleteIfExistsAsync(cancellationToken: ct)).Value;

    public async Task<(Stream Content, string ContentType)?> OpenAsync(string orderId, string photoId, CancellationToken ct)
    {
        try
        {
            var result = await _container.GetBlobClient(BlobName(orderId, photoId)).DownloadStreamingAsync(cancellationToken: ct);
            return (result.Value.Content, result.Value.Details.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
