namespace Gongjian.Functions.Showcases.Pages;

public static class PublicPagesSetup
{
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.AddOptions<PublicPageOptions>().BindConfiguration(PublicPageOptions.Section)
            .Validate(o => !o.Problems().Any(), "Invalid PublicPages settings (see PublicPageOptions).")
            .ValidateOnStart();
        services.AddSingleton<PageRenderer>();
        return services;
    }
}
