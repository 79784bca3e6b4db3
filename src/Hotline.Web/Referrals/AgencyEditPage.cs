using Hotline.Web.Data;

namespace Hotline.Web.Referrals;

public sealed record AgencyEditPage(Guid? Id, AgencyForm Form, IReadOnlyList<AgencyChannel> Channels);
