using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Hotline.Web.Data;

/// <summary>
/// The EF model captures the encryption converter, and the converter captures one key ring. EF caches
/// models per context type, so two hosts in one process (tests, tools) would share the first host's key
/// ring. Keying the cache by the protector keeps each host on its own keys.
/// </summary>
public sealed class ProtectorModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is HotlineDbContext hotline
            ? (context.GetType(), hotline.Protector, designTime)
            : (object)(context.GetType(), designTime);
}
