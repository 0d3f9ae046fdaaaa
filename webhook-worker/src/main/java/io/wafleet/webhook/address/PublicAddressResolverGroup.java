package io.wafleet.webhook.address;

import io.wafleet.common.webhook.WebhookAddresses;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves host names as its delegate does and keeps only the addresses {@link AddressRules} allows;
 * a name left with none fails with {@link RefusedAddressException} before any connection is opened.
 * It calls every address unresolved, so Reactor Netty hands it IP literals too.
 */
final class PublicAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final AddressResolverGroup<InetSocketAddress> delegate;

    PublicAddressResolverGroup(AddressResolverGroup<InetSocketAddress> delegate) {
        this.delegate = delegate;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new PublicAddressResolver(executor, delegate.getResolver(executor));
    }

    @Override
    public void close() {
        super.close();
        delegate.close();
    }

    private record PublicAddressResolver(EventExecutor executor, AddressResolver<InetSocketAddress> delegate)
            implements AddressResolver<InetSocketAddress> {

        @Override
        public boolean isSupported(SocketAddress address) {
            return delegate.isSupported(address);
        }

        @Override
        public boolean isResolved(SocketAddress address) {
            return false;
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address) {
            return resolve(address, executor.newPromise());
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address, Promise<InetSocketAddress> promise) {
            resolveAll(address).addListener((Future<List<InetSocketAddress>> all) -> {
                if (all.isSuccess()) {
                    promise.trySuccess(all.getNow().getFirst());
                } else {
                    promise.tryFailure(all.cause());
                }
            });
            return promise;
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address) {
            return resolveAll(address, executor.newPromise());
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address, Promise<List<InetSocketAddress>> promise) {
            InetSocketAddress target = (InetSocketAddress) address;
            if (!target.isUnresolved()) {
                keepAllowed(target.getHostString(), List.of(target), promise);
                return promise;
            }
            delegate.resolveAll(target).addListener((Future<List<InetSocketAddress>> resolved) -> {
                if (resolved.isSuccess()) {
                    keepAllowed(target.getHostString(), resolved.getNow(), promise);
                } else {
                    promise.tryFailure(resolved.cause());
                }
            });
            return promise;
        }

        @Override
        public void close() {
            // The delegate belongs to the delegate group, which closes it.
        }

        private static void keepAllowed(String host, List<InetSocketAddress> resolved,
                                        Promise<List<InetSocketAddress>> promise) {
            List<InetSocketAddress> allowed = resolved.stream()
                    .filter(address -> WebhookAddresses.refusal(address.getAddress()).isEmpty()).toList();
            if (!allowed.isEmpty()) {
                promise.trySuccess(allowed);
                return;
            }
            if (resolved.isEmpty()) {
                promise.tryFailure(new UnknownHostException(host));
                return;
            }
            InetSocketAddress first = resolved.getFirst();
            Optional<String> kind = WebhookAddresses.refusal(first.getAddress());
            promise.tryFailure(new RefusedAddressException(
                    AddressGuard.refused(host, first.getAddress(), kind.orElse("a refused"))));
        }
    }
}
