using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.BuildingBlocks.Workflows;
using GamesDrop.Checkout.Activities;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.Features.Checkouts;
using GamesDrop.Checkout.Features.Claims;
using GamesDrop.Checkout.Features.PayPalWebhooks;
using GamesDrop.Checkout.Features.Reconciler;
using GamesDrop.Checkout.Features.Refunds;
using GamesDrop.Checkout.PayPal;
using GamesDrop.Checkout.Workflows;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;
using GamesDrop.ServiceDefaults.Settings;

namespace GamesDrop.Checkout;

/// <summary>The checkout workflow and its activities, PayPal payments and fraud checks.</summary>
public static class CheckoutApp
{
    public static WebApplicationBuilder AddCheckout(this WebApplicationBuilder builder)
    {
        builder.Services.AddAppOpenApi(AppIds.Checkout);
        builder.Services.AddValidation();
        builder.Services.AddOptions<CheckoutSettings>()
            .Bind(builder.Configuration.GetSection("Checkout"))
            .Validate(s => s.ApprovalTimeout > TimeSpan.Zero && s.FirstPurchasePoll > TimeSpan.Zero && s.PurchasePollInterval >= s.FirstPurchasePoll && s.MaxPurchasePolls >= 0
                && s.StuckAfter > TimeSpan.Zero && s.ReviewWindow > TimeSpan.Zero, "Checkout timings must be positive, the first purchase poll no longer than the interval.")
            .ValidateOnStart();
        builder.Services.AddSettings<CheckoutStoreOptions>(CheckoutStoreOptions.Section);
        builder.Services.AddServiceClient<KernelOrderSteps>(AppIds.Kernel, from: AppIds.Checkout);
        // A purchase may wait on slow suppliers and the status checks after a lost reply (the suppliers app bounds each call);
        // a repeat after a timeout carries the same reference, so it finds the first purchase instead of making another.
        builder.Services.AddServiceClient<SupplierPurchases>(AppIds.Suppliers, from: AppIds.Checkout).ConfigureHttpClient(c => c.Timeout = TimeSpan.FromMinutes(5));
        builder.Services.AddPayPal();
        builder.Services.AddSecretStore(AppIds.Checkout);
        builder.Services.AddStateStore(AppIds.Checkout).AddWebhookReplays(AppIds.Checkout);
        builder.Services.AddWorkflowHosting(AppIds.Checkout, o =>
        {
            o.RegisterWorkflow<CheckoutWorkflow>();
            o.RegisterActivity<LoadOrderActivity>();
            o.RegisterActivity<ReserveOrderActivity>();
            o.RegisterActivity<CheckOrderPolicyActivity>();
            o.RegisterActivity<CreatePaymentActivity>();
            o.RegisterActivity<CapturePaymentActivity>();
            o.RegisterActivity<AuthorizePaymentActivity>();
            o.RegisterActivity<RecordReviewActivity>();
            o.RegisterActivity<CaptureAuthorizationActivity>();
            o.RegisterActivity<VoidPaymentActivity>();
            o.RegisterActivity<FulfilLineActivity>();
            o.RegisterActivity<FailLineActivity>();
            o.RegisterActivity<RefundLinesActivity>();
            o.RegisterActivity<ReleaseOrderActivity>();
            o.RegisterActivity<CompleteOrderActivity>();
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapCheckout(this IEndpointRouteBuilder routes)
    {
        routes.MapAppGroup(AppIds.Checkout).RequireAuthorization(ServiceDefaultsExtensions.InternalPolicy)
            .MapCheckouts()
            .MapStaffRefunds()
            .MapPayPalWebhooks()
            .MapRefunds()
            .MapClaims()
            .MapReconciler();
        return routes;
    }
}
