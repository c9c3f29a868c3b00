using MudBlazor;

namespace AskPro.Web.Components.Layout;

/// <summary>AskPro's colours: a petrol blue for what people act on, a warm amber as the
/// accent, calm greys around them; the dark palette keeps the same hues, lighter.
/// Fonts are the system's own: the page loads nothing from other origins (CSP).</summary>
public static class AskProTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B6E99",
            Secondary = "#D98E04",
            Tertiary = "#2E7D5B",
            AppbarBackground = "#0B4F6C",
            AppbarText = "#FFFFFF",
            Background = "#F5F7F9",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#1F2933",
            DrawerIcon = "#0B6E99",
            TextPrimary = "#1F2933",
            TextSecondary = "#52606D",
            Success = "#2E7D32",
            Error = "#C62828",
            Warning = "#B26A00",
            Info = "#0B6E99",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4FB3E0",
            Secondary = "#F2B544",
            Tertiary = "#5FC79A",
            AppbarBackground = "#0F2A38",
            AppbarText = "#E6EEF3",
            Background = "#11181F",
            Surface = "#1A232C",
            DrawerBackground = "#151E26",
            DrawerText = "#D9E2EA",
            DrawerIcon = "#4FB3E0",
            TextPrimary = "#E6EEF3",
            TextSecondary = "#A7B6C2",
            Success = "#66BB6A",
            Error = "#EF5350",
            Warning = "#FFB74D",
            Info = "#4FB3E0",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
