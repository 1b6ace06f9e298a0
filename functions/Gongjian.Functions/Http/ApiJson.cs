using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongjian.Functions.Communities;
using Gongjian.Functions.Hosting;
using Gongjian.Functions.Orders;
using Gongjian.Functions.Showcases;

namespace Gongjian.Functions.Http;

/// <summary>
/// Every request and response body of the API, source-generated (no reflection at cold start).
/// Requests are strict: unknown fields, missing required fields and nulls where none belong are refused.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PlaceOrderRequest))]
[JsonSerializable(typeof(DispatchRequest))]
[JsonSerializable(typeof(ReasonRequest))]
[JsonSerializable(typeof(OptionalReasonRequest))]
[JsonSerializable(typeof(CompleteRequest))]
[JsonSerializable(typeof(ConfirmRequest))]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(PlacedOrderView))]
[JsonSerializable(typeof(OrderPage))]
[JsonSerializable(typeof(IReadOnlyList<CommunityView>))]
[JsonSerializable(typeof(IReadOnlyList<UnitView>))]
[JsonSerializable(typeof(UnitView))]
[JsonSerializable(typeof(CreateUnitRequest))]
[JsonSerializable(typeof(UpdateUnitRequest))]
[JsonSerializable(typeof(CommunityView))]
[JsonSerializable(typeof(CreateCommunityRequest))]
[JsonSerializable(typeof(UpdateCommunityRequest))]
[JsonSerializable(typeof(RetireRequest))]
[JsonSerializable(typeof(Gongjian.Functions.Admin.StaffKeyView))]
[JsonSerializable(typeof(IReadOnlyList<Gongjian.Functions.Admin.StaffKeyView>))]
[JsonSerializable(typeof(Gongjian.Functions.Admin.CreatedStaffKeyView))]
[JsonSerializable(typeof(Gongjian.Functions.Admin.CreateStaffKeyRequest))]
[JsonSerializable(typeof(PublishShowcaseRequest))]
[JsonSerializable(typeof(ShowcaseView))]
[JsonSerializable(typeof(IReadOnlyList<ShowcaseView>))]
[JsonSerializable(typeof(IReadOnlyList<ShowcasePhotoSource>))]
[JsonSerializable(typeof(HealthView))]
[JsonSerializable(typeof(Sessions.SignInRequest))]
[JsonSerializable(typeof(Sessions.SessionView))]
[JsonSerializable(typeof(Contract.ProblemView))]
// The console's second slice.
[JsonSerializable(typeof(Dispatching.UnitSuggestionsView))]
[JsonSerializable(typeof(ContactAudit.ContactViewsView))]
[JsonSerializable(typeof(ContactAudit.WishContactViewsView))]
[JsonSerializable(typeof(StaffInbox.InboxView))]
[JsonSerializable(typeof(StaffInbox.MarkReadRequest))]
[JsonSerializable(typeof(StaffInbox.MarkReadView))]
[JsonSerializable(typeof(Streets.StreetOverview))]
[JsonSerializable(typeof(WithdrawnShowcaseView))]
// 微心愿 (module #2).
[JsonSerializable(typeof(Wishes.SubmitWishRequest))]
[JsonSerializable(typeof(Wishes.PublishWishRequest))]
[JsonSerializable(typeof(Wishes.ClaimWishRequest))]
[JsonSerializable(typeof(Wishes.FulfilWishRequest))]
[JsonSerializable(typeof(Wishes.SubmittedWishView))]
[JsonSerializable(typeof(Wishes.WishView))]
[JsonSerializable(typeof(Wishes.WishPage))]
public sealed partial class ApiJson : JsonSerializerContext
{
    /// <summary>The options the API writes with: Chinese stays readable instead of \uXXXX escapes.</summary>
    public static ApiJson Web => s_web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static ApiJson? s_web;
}
