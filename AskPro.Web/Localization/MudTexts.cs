using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AskPro.Web;

/// <summary>Marker for MudBlazor's own texts: Resources/MudTexts.resx (English) and
/// MudTexts.de.resx (German; MudBlazor ships no German).</summary>
public sealed class MudTexts;

/// <summary>Gives MudBlazor its texts from our resource files in the user's culture. A key we
/// do not carry reports "not found", and MudBlazor uses its own English.</summary>
internal sealed class ResourceMudLocalizer(IStringLocalizer<MudTexts> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => texts[key];

    public override LocalizedString this[string key, params object[] arguments] => texts[key, arguments];
}
